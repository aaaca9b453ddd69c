package org.sansho.contract.imports;

import org.junit.jupiter.api.Test;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.imports.domain.SheetContent;
import org.sansho.contract.imports.service.SheetReader;
import org.sansho.contract.imports.service.SheetWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the export writes, the import reads back cell for cell, as CSV and as XLSX. */
class SheetRoundTripTest {

    private static final List<List<String>> ROWS = List.of(
            Arrays.asList("7000012050002", "HOSPITAL", "さくら病院", "Sakura Hospital, \"main\"", null),
            Arrays.asList("2636248716510", "VENDOR", "=メディクラウド", null, "id-2"));

    @Test
    void a_csv_export_reads_back_with_its_bom_taken_off_and_its_formula_guard_kept_for_the_row_reader() {
        for (String language : List.of("ja", "en")) {
            byte[] csv = SheetWriter.csv(ImportKind.ORGANIZATIONS, language, ROWS);
            SheetContent read = SheetReader.csv(ImportKind.ORGANIZATIONS, csv);
            assertThat(read.headers()).containsExactlyElementsOf(ImportKind.ORGANIZATIONS.columns().stream()
                    .map(c -> c.title(language)).toList());
            assertThat(read.lines()).extracting(SheetContent.Line::number).containsExactly(2, 3);
            // A trailing empty cell may be left out; a missing cell reads as blank.
            assertThat(read.lines().get(0).cells()).startsWith("7000012050002", "HOSPITAL", "さくら病院",
                    "Sakura Hospital, \"main\"");
            assertThat(read.lines().get(1).cells()).containsExactly("2636248716510", "VENDOR", "'=メディクラウド", "",
                    "id-2");
        }
    }

    @Test
    void an_xlsx_export_reads_back_sheet_by_sheet() {
        byte[] xlsx = SheetWriter.xlsx(Map.of(ImportKind.ORGANIZATIONS, ROWS), "ja");
        List<SheetContent> sheets = SheetReader.xlsx(xlsx);
        assertThat(sheets).hasSize(1);
        assertThat(sheets.get(0).kind()).isEqualTo(ImportKind.ORGANIZATIONS);
        assertThat(sheets.get(0).lines().get(0).cells()).startsWith("7000012050002", "HOSPITAL", "さくら病院",
                "Sakura Hospital, \"main\"");
        assertThat(sheets.get(0).lines().get(1).cells().get(2)).isEqualTo("=メディクラウド");
    }

    @Test
    void numbers_and_dates_typed_into_a_spreadsheet_read_as_their_values_not_their_display() throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("契約");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("事業者法人番号");
            header.createCell(1).setCellValue("開始日");
            header.createCell(2).setCellValue("稼働率");
            header.createCell(3).setCellValue("自動更新");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(7000012050002d);
            var date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            var start = row.createCell(1);
            start.setCellValue(java.time.LocalDate.of(2025, 4, 1));
            start.setCellStyle(date);
            row.createCell(2).setCellValue(99.5);
            row.createCell(3).setCellValue(true);
            wb.write(out);
            SheetContent read = SheetReader.xlsx(out.toByteArray()).get(0);
            assertThat(read.kind()).isEqualTo(ImportKind.CONTRACTS);
            assertThat(read.lines().get(0).cells()).containsExactly("7000012050002", "2025-04-01", "99.5", "TRUE");
        }
    }
}
