package org.sansho.assessment.catalog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The estimate the kept applicability answers are bounded by: it grows with what the answers hold. */
class ApplicabilityAnswerWeightTest {

    private static ApplicableRequirements answer(int requirements, int textChars) {
        List<ApplicableRequirements.Requirement> list = new ArrayList<>();
        String text = "要".repeat(textChars);
        for (int i = 0; i < requirements; i++) {
            list.add(new ApplicableRequirements.Requirement("key-" + i, "mhlw-medical-information-security", "6.0",
                    "3.1." + i, "ref", new ApplicableRequirements.Text(text, "en"),
                    new ApplicableRequirements.Text(text, "en"), "MANDATORY", "category", List.of("PRE_CONTRACT"),
                    "VENDOR", List.of(new ApplicableRequirements.Text(text, "evidence"))));
        }
        return new ApplicableRequirements(List.of(), list, requirements);
    }

    @Test
    void the_weight_counts_two_bytes_a_character_and_a_fixed_cost_per_string_and_requirement() {
        int small = ApplicableRequirementsQuery.weight(answer(1, 100));
        int longer = ApplicableRequirementsQuery.weight(answer(1, 200));

        // three texts of 100 more characters each, two bytes a character
        assertThat(longer - small).isEqualTo(600);
        assertThat(ApplicableRequirementsQuery.weight(answer(0, 100))).isEqualTo(200);
    }

    @Test
    void an_answer_for_a_large_baseline_weighs_megabytes_so_the_bound_keeps_few_of_them() {
        int large = ApplicableRequirementsQuery.weight(answer(5000, 300));
        int usual = ApplicableRequirementsQuery.weight(answer(42, 300));

        // about 2.8 KB a requirement of three 300-character Japanese texts
        assertThat(large).isBetween(12_000_000, 16_000_000);
        assertThat(usual).isBetween(100_000, 140_000);
        assertThat(33_554_432 / large).as("large answers within the default bound of 32 MB").isEqualTo(2);
        assertThat(33_554_432 / usual).as("usual answers within the default bound").isGreaterThan(200);
    }
}
