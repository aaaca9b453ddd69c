package org.sansho.platform.documents;

import java.time.LocalDate;
import java.util.List;

/**
 * One table of a document: a sheet of the XLSX form, a section of the printable HTML. A cell is a {@link String}, a
 * {@link LocalDate} or a {@link Number}; a missing value becomes "". With {@code rowHeaders} the first cell of each
 * row names the row (a summary of label and value pairs) and is marked up as a row header.
 */
public record DocumentTable(String title, List<String> headers, List<List<Object>> rows, boolean rowHeaders) {

    public DocumentTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(DocumentTable::cells).toList();
    }

    /** A table whose column titles are given in {@code language}. */
    public static DocumentTable of(String title, List<DocumentColumn> columns, String language,
                                   List<List<Object>> rows) {
        return new DocumentTable(title, columns.stream().map(c -> c.title(language)).toList(), rows, false);
    }

    /** A two-column table of label and value, one fact a row. */
    public static DocumentTable facts(String title, List<String> headers, List<List<Object>> facts) {
        return new DocumentTable(title, headers, facts, true);
    }

    private static List<Object> cells(List<?> row) {
        return row.stream().map(v -> v == null ? "" : v instanceof LocalDate || v instanceof Number ? v
                : (Object) v.toString()).toList();
    }
}
