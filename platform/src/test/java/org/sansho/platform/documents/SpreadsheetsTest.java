package org.sansho.platform.documents;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetsTest {

    private static final List<DocumentColumn> COLUMNS = List.of(new DocumentColumn("key", "キー", "key"),
            new DocumentColumn("due", "期限", "due date"), new DocumentColumn("count", "件数", "count"));

    @Test
    void every_table_becomes_a_sheet_with_a_frozen_bold_header_in_the_documents_language() throws IOException {
        LocalDate due = LocalDate.of(2027, 3, 31);
        Document document = new Document("試験", "ja", List.of(
                DocumentTable.of("一覧", COLUMNS, "ja", List.of(Arrays.asList("=SUM(A1)", due, 3), Arrays.asList("B", null, null))),
                DocumentTable.facts("概要", List.of("項目", "内容"), List.of(List.of("判定", "ACCEPTABLE")))));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Spreadsheets.xlsx(document)))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet sheet = book.getSheet("一覧");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("キー");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("期限");
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:C3");
            // a value that looks like a formula stays text
            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=SUM(A1)");
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(1))).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(due);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEmpty();
            assertThat(book.getSheet("概要").getRow(1).getCell(1).getStringCellValue()).isEqualTo("ACCEPTABLE");
        }
    }

    @Test
    void sheet_names_are_made_acceptable_to_excel_and_unique() throws IOException {
        List<DocumentColumn> one = List.of(new DocumentColumn("a", "あ", "a"));
        Document document = new Document("t", "en", List.of(
                DocumentTable.of("a/b:c*?[d]", one, "en", List.of()),
                DocumentTable.of("x".repeat(40), one, "en", List.of()),
                DocumentTable.of("x".repeat(40), one, "en", List.of())));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Spreadsheets.xlsx(document)))) {
            assertThat(book.getSheetName(0)).doesNotContain("/", ":", "*", "?", "[", "]");
            assertThat(book.getSheetName(1)).hasSize(31);
            assertThat(book.getSheetName(2)).hasSizeLessThanOrEqualTo(31).endsWith(" (2)");
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("a");
        }
    }

    @Test
    void the_language_is_the_query_parameter_else_a_japanese_accept_language_else_english() {
        assertThat(DocumentLanguage.of("en", "ja-JP")).isEqualTo("en");
        assertThat(DocumentLanguage.of(null, "ja-JP,ja;q=0.9")).isEqualTo("ja");
        assertThat(DocumentLanguage.of(null, "en-US,ja;q=0.5")).isEqualTo("en");
        assertThat(DocumentLanguage.of(null, null)).isEqualTo("en");
        assertThat(new DocumentColumn("key", "キー", "key").title("ja")).isEqualTo("キー");
    }
}
