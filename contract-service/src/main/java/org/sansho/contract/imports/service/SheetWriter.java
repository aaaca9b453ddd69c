package org.sansho.contract.imports.service;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.platform.documents.Document;
import org.sansho.platform.documents.DocumentTable;
import org.sansho.platform.documents.Spreadsheets;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes exported rows as CSV (UTF-8 with a byte order mark, so that spreadsheet programs read the Japanese text
 * right) or as an XLSX workbook with one sheet per kind, through the platform's {@link Spreadsheets} (bold shaded
 * header row, frozen, with a filter). Every value is
 * written as text; in CSV a text that starts with =, +, - or @ gets a leading apostrophe so that a spreadsheet does
 * not evaluate it (the import takes the apostrophe off again).
 */
public final class SheetWriter {

    private static final CsvMapper CSV = new CsvMapper();

    private SheetWriter() {
    }

    public static byte[] csv(ImportKind kind, String language, List<List<String>> rows) {
        List<String[]> lines = new ArrayList<>(rows.size() + 1);
        lines.add(kind.columns().stream().map(c -> c.title(language)).toArray(String[]::new));
        for (List<String> row : rows) {
            lines.add(row.stream().map(SheetWriter::guarded).toArray(String[]::new));
        }
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (SequenceWriter out = CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(text)) {
            for (String[] line : lines) {
                out.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One sheet per kind, in the suite's one spreadsheet style ({@link Spreadsheets}); every value as text. */
    public static byte[] xlsx(Map<ImportKind, List<List<String>>> sheets, String language) {
        List<DocumentTable> tables = new ArrayList<>(sheets.size());
        sheets.forEach((kind, rows) -> tables.add(new DocumentTable(kind.sheetName(language),
                kind.columns().stream().map(c -> c.title(language)).toList(),
                rows.stream().map(row -> (List<Object>) new ArrayList<Object>(row)).toList(), false)));
        return Spreadsheets.xlsx(new Document("export", language, tables));
    }

    private static String guarded(String value) {
        if (value == null || value.isEmpty()) {
            // Written as an empty field: Jackson's CSV writer would leave a null out and shift the row.
            return "";
        }
        return "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
