package org.sansho.contract.imports.service;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.sansho.contract.imports.domain.ImportColumn;
import org.sansho.contract.imports.domain.ImportKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes exported rows as CSV (UTF-8 with a byte order mark, so that spreadsheet programs read the Japanese text
 * right) or as an XLSX workbook with one sheet per kind: bold shaded header row, frozen, with a filter. Every value is
 * written as text; in CSV a text that starts with =, +, - or @ gets a leading apostrophe so that a spreadsheet does
 * not evaluate it (the import takes the apostrophe off again).
 */
public final class SheetWriter {

    private static final CsvMapper CSV = new CsvMapper();
    private static final int MAX_WIDTH = 50;

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

    public static byte[] xlsx(Map<ImportKind, List<List<String>>> sheets, String language) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            sheets.forEach((kind, rows) -> sheet(workbook, kind, language, rows, header));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // nothing left to release once disposed
            }
        }
    }

    private static void sheet(SXSSFWorkbook workbook, ImportKind kind, String language, List<List<String>> rows,
                              CellStyle headerStyle) {
        SXSSFSheet sheet = workbook.createSheet(kind.sheetName(language));
        List<ImportColumn> columns = kind.columns();
        int[] widths = new int[columns.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            String title = columns.get(c).title(language);
            cell.setCellValue(title);
            cell.setCellStyle(headerStyle);
            widths[c] = width(title);
        }
        int r = 1;
        for (List<String> values : rows) {
            Row line = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                String text = values.get(c);
                if (text != null) {
                    line.createCell(c).setCellValue(text);
                    widths[c] = Math.max(widths[c], width(text));
                }
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, columns.size() - 1));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
        }
    }

    private static String guarded(String value) {
        if (value == null || value.isEmpty()) {
            // Written as an empty field: Jackson's CSV writer would leave a null out and shift the row.
            return "";
        }
        return "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Display width in characters: East Asian full-width characters count twice. */
    private static int width(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }
}
