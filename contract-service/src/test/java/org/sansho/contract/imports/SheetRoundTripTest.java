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
}
