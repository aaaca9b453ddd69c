package org.sansho.platform.documents;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link Document} as an XLSX workbook, one sheet per table, in the style of the contract service's export:
 * a bold, grey-shaded header row, frozen at the top, with a filter; columns as wide as their text (full-width
 * characters count twice) up to a limit. Text stays text, so a value that looks like a formula is never evaluated;
 * dates are date cells, numbers numeric cells. Written with POI's streaming workbook, whose temporary file is deleted
 * before this returns.
 */
public final class Spreadsheets {

    private static final int MAX_WIDTH = 60;
    private static final int DATE_WIDTH = 12;

    private Spreadsheets() {
    }

    public static byte[] xlsx(Document document) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Set<String> names = new HashSet<>();
            for (DocumentTable table : document.tables()) {
                sheet(workbook, sheetName(table.title(), names), table, header, date);
            }
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

    private static void sheet(SXSSFWorkbook workbook, String name, DocumentTable table, CellStyle headerStyle,
                              CellStyle dateStyle) {
        SXSSFSheet sheet = workbook.createSheet(name);
        List<String> headers = table.headers();
        int[] widths = new int[headers.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(headerStyle);
            widths[c] = width(headers.get(c));
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
            Row line = sheet.createRow(r++);
            for (int c = 0; c < values.size() && c < widths.length; c++) {
                Cell cell = line.createCell(c);
                Object value = values.get(c);
                if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                    widths[c] = Math.max(widths[c], DATE_WIDTH);
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    widths[c] = Math.max(widths[c], width(n.toString()));
                } else {
                    String text = value.toString();
                    cell.setCellValue(text);
                    widths[c] = Math.max(widths[c], width(text));
                }
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, Math.max(headers.size() - 1, 0)));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
        }
    }

    /** A sheet name Excel accepts (31 characters, none of []:*?/\) and unique within the workbook. */
    private static String sheetName(String title, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "Sheet" : title);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** Display width in characters: East Asian full-width characters count twice. */
    private static int width(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }
}
