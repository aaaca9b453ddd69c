package org.sansho.platform.documents;

import java.util.List;

/**
 * A document a service exports (a checklist, a report), in one shape for both of its forms: {@link Spreadsheets}
 * writes it as an XLSX workbook, the {@code printable-document} Qute template as a printable HTML page.
 */
public record Document(String title, String language, List<DocumentTable> tables) {

    /** The XLSX media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The media type of the printable form. */
    public static final String HTML = "text/html";
    /** The name of the Qute template that renders a document as printable HTML (its parameter is {@code document}). */
    public static final String TEMPLATE = "printable-document";

    public Document {
        tables = List.copyOf(tables);
    }
}
