package org.sansho.contract.contracts;

import org.junit.jupiter.api.Test;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.DataResidency;
import org.sansho.contract.contracts.domain.GuardFailure;
import org.sansho.contract.contracts.domain.ResidencyException;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansho.contract.contracts.domain.DataCategory.ANONYMIZED;
import static org.sansho.contract.contracts.domain.DataCategory.LEGAL_RETENTION_RECORDS;
import static org.sansho.contract.contracts.domain.DataCategory.OTHER_PERSONAL_HEALTH_INFO;

class DataResidencyTest {

    private static final DataResidency.Location TOKYO = new DataResidency.Location("JP", "Tokyo", true);
    private static final DataResidency.Location OSAKA_FOREIGN_LAW = new DataResidency.Location("JP", "Osaka", false);
    private static final DataResidency.Location VIRGINIA = new DataResidency.Location("US", "us-east-1", false);
    private static final DataResidency.Location SINGAPORE_DECLARED = new DataResidency.Location("SG", null, true);
    private static final ResidencyException EXCEPTION =
            new ResidencyException("backup copy only", "病院長", "user", Instant.parse("2025-04-01T00:00:00Z"));

    @Test
    void legally_retained_records_kept_only_in_japan_under_japanese_law_pass() {
        assertThat(DataResidency.check(List.of(LEGAL_RETENTION_RECORDS), null, List.of(TOKYO), null)).isEmpty();
    }

    @Test
    void every_location_outside_japanese_jurisdiction_is_one_failure_citing_table_4_1() {
        List<GuardFailure> failures = DataResidency.check(List.of(LEGAL_RETENTION_RECORDS, ANONYMIZED), null,
                List.of(TOKYO, OSAKA_FOREIGN_LAW, VIRGINIA), null);
        assertThat(failures).hasSize(2).allSatisfy(f -> {
            assertThat(f.guard()).isEqualTo("data-residency");
            assertThat(f.rule()).isEqualTo("2省GL §4.1 表4-1");
        });
        assertThat(failures.get(0).reason()).contains("JP/Osaka");
        assertThat(failures.get(1).reason()).contains("US/us-east-1");
    }

    @Test
    void a_place_abroad_is_not_under_japanese_law_whatever_its_declaration() {
        assertThat(SINGAPORE_DECLARED.underJapaneseLaw()).isFalse();
        assertThat(DataResidency.check(List.of(LEGAL_RETENTION_RECORDS), null, List.of(SINGAPORE_DECLARED), null))
                .hasSize(1);
    }

    @Test
    void a_named_sla_data_region_brings_any_data_under_the_rule() {
        assertThat(DataResidency.applies(List.of(ANONYMIZED), "JP-East")).isTrue();
        assertThat(DataResidency.check(List.of(ANONYMIZED), "JP-East", List.of(VIRGINIA), null)).hasSize(1);
        assertThat(DataResidency.check(List.of(ANONYMIZED), " ", List.of(VIRGINIA), null)).isEmpty();
    }

    @Test
    void data_without_a_legal_retention_duty_and_no_named_region_is_not_checked() {
        assertThat(DataResidency.applies(List.of(OTHER_PERSONAL_HEALTH_INFO, ANONYMIZED), null)).isFalse();
        assertThat(DataResidency.check(List.of(OTHER_PERSONAL_HEALTH_INFO), null, List.of(VIRGINIA), null)).isEmpty();
    }

    @Test
    void a_documented_exception_accepts_foreign_storage() {
        assertThat(DataResidency.check(List.of(LEGAL_RETENTION_RECORDS), "US", List.of(VIRGINIA), EXCEPTION))
                .isEmpty();
    }

    @Test
    void only_the_legal_retention_category_carries_the_duty() {
        assertThat(List.of(DataCategory.values()))
                .filteredOn(c -> DataResidency.applies(List.of(c), null)).containsExactly(LEGAL_RETENTION_RECORDS);
    }
}
