package org.sansho.contract.imports.domain;

/**
 * Why one cell or row cannot be imported.
 *
 * @param sheet   the kind of the sheet ({@code organizations}, {@code services}, {@code contracts})
 * @param row     the row in the file or sheet, 1 = the header row
 * @param column  the column's English header, or null when the row as a whole is refused
 * @param problem what is wrong, in words a person can act on
 */
public record RowProblem(String sheet, int row, String column, String problem) {
}
