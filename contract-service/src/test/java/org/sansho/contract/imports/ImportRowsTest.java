package org.sansho.contract.imports;

import org.junit.jupiter.api.Test;
import org.sansho.contract.imports.domain.CellFormats;
import org.sansho.contract.imports.domain.HeaderTable;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.imports.domain.ImportRow;
import org.sansho.contract.imports.domain.RowProblem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The header tables and the cell readers of the bulk import, without Quarkus. */
class ImportRowsTest {

    @Test
    void japanese_and_english_headers_name_the_same_columns_and_a_bom_or_full_width_letters_do_not_matter() {
        HeaderTable ja = HeaderTable.of(ImportKind.ORGANIZATIONS, List.of("\uFEFF法人番号", "種別", "名称"));
        HeaderTable en = HeaderTable.of(ImportKind.ORGANIZATIONS, List.of("corporate_number", "KIND", "ｎａｍｅＪａ"));
        assertThat(ja.problems()).isEmpty();
        assertThat(en.problems()).isEmpty();
        assertThat(ja.values(List.of("7000012050002", "VENDOR", "A"))).containsEntry("corporateNumber", "7000012050002")
                .containsEntry("nameJa", "A");
        assertThat(en.values(List.of("7000012050002", "VENDOR"))).containsEntry("nameJa", null);
    }

    @Test
    void an_unknown_a_repeated_and_a_missing_required_column_are_problems_of_row_one() {
        HeaderTable t = HeaderTable.of(ImportKind.ORGANIZATIONS, List.of("法人番号", "corporateNumber", "colour", ""));
        assertThat(t.problems()).extracting(RowProblem::row).containsOnly(1);
        assertThat(t.problems()).extracting(RowProblem::column)
                .contains("corporateNumber", null, "kind", "nameJa");
    }

    @Test
    void export_only_columns_are_read_past() {
        HeaderTable t = HeaderTable.of(ImportKind.SERVICES, List.of("vendorCorporateNumber", "name", "serviceModel",
                "dataLocations", "サービスID"));
        assertThat(t.problems()).isEmpty();
    }

    @Test
    void cells_read_as_their_types_and_every_bad_cell_of_a_row_is_reported() {
        Map<String, String> values = new HashMap<>();
        values.put("startDate", "2025/4/1");
        values.put("endDate", "2025-02-30");
        values.put("autoRenewal", "はい");
        values.put("offlineBackupCopy", "maybe");
        values.put("hospitalNoticeDays", "９０");
        values.put("vendorNoticeDays", "1.5");
        values.put("availabilityPercent", "99.5%");
        values.put("title", "'=SUM(A1)");
        ImportRow row = new ImportRow(ImportKind.CONTRACTS, 7, values);
        assertThat(row.date("startDate")).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(row.bool("autoRenewal")).isTrue();
        assertThat(row.integer("hospitalNoticeDays")).isEqualTo(90);
        assertThat(row.decimal("availabilityPercent")).isEqualByComparingTo(new BigDecimal("99.5"));
        assertThat(row.verbatim("title")).isEqualTo("=SUM(A1)");
        assertThat(row.date("endDate")).isNull();
        assertThat(row.bool("offlineBackupCopy")).isNull();
        assertThat(row.integer("vendorNoticeDays")).isNull();
        assertThat(row.problems()).extracting(RowProblem::column)
                .containsExactly("endDate", "offlineBackupCopy", "vendorNoticeDays");
        assertThat(row.problems()).extracting(RowProblem::row).containsOnly(7);
    }

    @Test
    void baseline_and_data_location_cells_read_back_what_the_export_writes() {
        List<CellFormats.BaselineEntry> baseline = List.of(
                new CellFormats.BaselineEntry("mhlw-medical-information-security", "6.0"),
                new CellFormats.BaselineEntry("meti-mic-medical-service-provider", "2.0"));
        List<CellFormats.LocationEntry> locations = List.of(new CellFormats.LocationEntry("JP", "Tokyo", true),
                new CellFormats.LocationEntry("US", null, false));
        ImportRow row = new ImportRow(ImportKind.CONTRACTS, 2, Map.of("baseline", CellFormats.baseline(baseline),
                "dataLocations", CellFormats.locations(locations)));
        assertThat(CellFormats.baseline(row, "baseline")).isEqualTo(baseline);
        assertThat(CellFormats.locations(row, "dataLocations")).isEqualTo(locations);
        assertThat(row.problems()).isEmpty();

        ImportRow bad = new ImportRow(ImportKind.SERVICES, 3, Map.of("dataLocations", "JP:Tokyo、Mars:x:maybe",
                "baseline", "mhlw 6.0"));
        assertThat(CellFormats.locations(bad, "dataLocations")).isEmpty();
        assertThat(CellFormats.baseline(bad, "baseline")).isEmpty();
        assertThat(bad.problems()).hasSize(3);
    }

    @Test
    void sheets_are_named_in_english_or_japanese() {
        assertThat(ImportKind.named("契約")).contains(ImportKind.CONTRACTS);
        assertThat(ImportKind.named("Organizations")).contains(ImportKind.ORGANIZATIONS);
        assertThat(ImportKind.named("Sheet1")).isEmpty();
    }
}
