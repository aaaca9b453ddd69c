package org.sansho.contract.imports.domain;

import java.util.List;

/**
 * What an import did or, in a dry run, would do: per kind how many rows it created, updated and left unchanged, each
 * row's outcome, and every problem (the sheet, the row, the column, what is wrong). {@code valid} is false when there
 * is any problem; then a real run writes nothing.
 */
public record ImportReport(boolean dryRun, boolean valid, List<KindCounts> counts, List<RowResult> rows,
                           List<RowProblem> problems) {

    /** The counts of one kind. */
    public record KindCounts(String kind, int rows, int created, int updated, int unchanged) {
    }

    /** One row's outcome and the key it was matched by (法人番号, vendor and service name, external reference). */
    public record RowResult(String sheet, int row, String key, RowOutcome outcome) {
    }
}
