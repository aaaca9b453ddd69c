package org.sansho.contract.imports.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects the outcomes and problems of an import into its report. */
public final class ImportTally {

    private final Map<ImportKind, int[]> counts = new EnumMap<>(ImportKind.class);
    private final List<ImportReport.RowResult> rows = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();

    public void sheet(ImportKind kind) {
        counts.computeIfAbsent(kind, k -> new int[4]);
    }

    public void outcome(ImportKind kind, int row, String key, RowOutcome outcome) {
        int[] c = counts.computeIfAbsent(kind, k -> new int[4]);
        c[0]++;
        c[1 + outcome.ordinal()]++;
        rows.add(new ImportReport.RowResult(kind.sheetName(), row, key, outcome));
    }

    /** A row that could not be imported: counted, with its problems. */
    public void refused(ImportKind kind, List<RowProblem> rowProblems) {
        counts.computeIfAbsent(kind, k -> new int[4])[0]++;
        problems.addAll(rowProblems);
    }

    public void problems(List<RowProblem> more) {
        problems.addAll(more);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public ImportReport report(boolean dryRun) {
        List<ImportReport.KindCounts> kinds = new ArrayList<>();
        counts.forEach((kind, c) -> kinds.add(new ImportReport.KindCounts(kind.sheetName(), c[0], c[1], c[2], c[3])));
        return new ImportReport(dryRun, problems.isEmpty(), kinds, List.copyOf(rows), List.copyOf(problems));
    }
}
