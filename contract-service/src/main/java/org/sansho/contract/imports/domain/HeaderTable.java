package org.sansho.contract.imports.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a header row names, in English or Japanese (the kind's header table). A header that names no column,
 * a column named twice and a required column that is missing are problems of row 1; export-only columns (a state, an
 * id the service assigned) are read past.
 */
public final class HeaderTable {

    private final Map<String, Integer> positions;
    private final List<RowProblem> problems;

    private HeaderTable(Map<String, Integer> positions, List<RowProblem> problems) {
        this.positions = positions;
        this.problems = problems;
    }

    public static HeaderTable of(ImportKind kind, List<String> headers) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i) == null ? "" : headers.get(i);
            if (ImportKind.normalize(header).isEmpty()) {
                continue;
            }
            var column = kind.column(header);
            if (column.isEmpty()) {
                problems.add(new RowProblem(kind.sheetName(), 1, null, "unknown column '" + abbreviate(header)
                        + "'; the columns are " + kind.columns().stream()
                        .map(c -> c.key() + " / " + c.japanese()).toList()));
            } else if (positions.putIfAbsent(column.get().key(), i) != null) {
                problems.add(new RowProblem(kind.sheetName(), 1, column.get().key(), "the column appears twice"));
            }
        }
        for (ImportColumn c : kind.columns()) {
            if (c.required() && !positions.containsKey(c.key())) {
                problems.add(new RowProblem(kind.sheetName(), 1, c.key(), "required column missing (header '"
                        + c.key() + "' or '" + c.japanese() + "')"));
            }
        }
        return new HeaderTable(positions, problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** The row's values by column key; cells beyond the row's end are blank. */
    public Map<String, String> values(List<String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        positions.forEach((key, i) -> values.put(key, i < cells.size() ? cells.get(i) : null));
        return values;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
