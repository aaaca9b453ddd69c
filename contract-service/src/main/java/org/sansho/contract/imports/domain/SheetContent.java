package org.sansho.contract.imports.domain;

import java.util.List;

/**
 * The cells of one sheet or CSV file as text: the header row and the data rows (row numbers start at 2, after the
 * header; rows with every cell blank are left out but keep their numbers).
 */
public record SheetContent(ImportKind kind, List<String> headers, List<Line> lines) {

    /** One data row and its number in the file. */
    public record Line(int number, List<String> cells) {
    }
}
