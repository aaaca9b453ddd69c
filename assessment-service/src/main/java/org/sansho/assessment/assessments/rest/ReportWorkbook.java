package org.sansho.assessment.assessments.rest;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.sansho.assessment.findings.rest.FindingView;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The report as an XLSX workbook: sheet "Items" with one row per item and sheet "Findings", both with the columns of
 * {@link ReportRows}. Written with POI's streaming workbook (rows beyond a small window go to a temporary file, which
 * is deleted before this returns); text stays text, so a value that looks like a formula is never evaluated.
 */
final class ReportWorkbook {

    static final String ITEMS_SHEET = "Items";
    static final String FINDINGS_SHEET = "Findings";

    /** Widths in characters: at least the header, at most this, so long statements wrap to the next column. */
    private static final int MAX_WIDTH = 60;
    private static final int DATE_WIDTH = 12;

    private ReportWorkbook() {
    }

    static byte[] write(AssessmentReportResource.Report report) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));

            sheet(workbook, ITEMS_SHEET, ReportRows.ITEM_COLUMNS, ReportRows.items(report), header, date);
            sheet(workbook, FINDINGS_SHEET, ReportRows.FINDING_COLUMNS, report.findings(), header, date);

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

    private static <T> void sheet(SXSSFWorkbook workbook, String name, List<ReportRows.Column<T>> columns, List<T> rows,
                                  CellStyle headerStyle, CellStyle dateStyle) {
        SXSSFSheet sheet = workbook.createSheet(name);
        List<String> labels = ReportRows.labels(columns);
        int[] widths = new int[labels.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < labels.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(labels.get(c));
            cell.setCellStyle(headerStyle);
            widths[c] = width(labels.get(c));
        }
        int r = 1;
        for (T row : rows) {
            Row line = sheet.createRow(r++);
            List<Object> values = ReportRows.values(columns, row);
            for (int c = 0; c < values.size(); c++) {
                Cell cell = line.createCell(c);
                if (values.get(c) instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                    widths[c] = Math.max(widths[c], DATE_WIDTH);
                } else {
                    String text = (String) values.get(c);
                    cell.setCellValue(text);
                    widths[c] = Math.max(widths[c], width(text));
                }
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 0), 0, labels.size() - 1));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
        }
    }

    /** Display width in characters: East Asian full-width characters count twice. */
    private static int width(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }
}
