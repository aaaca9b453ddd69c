package org.sansho.assessment.findings.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskMatrixTest {

    @ParameterizedTest(name = "likelihood {0} x impact {1} -> {2}")
    @CsvSource({"5,5,S", "4,5,S", "5,4,S", "4,4,A", "3,4,A", "5,3,A", "3,3,B", "2,4,B", "5,2,B",
            "2,3,C", "4,1,C", "1,5,C", "3,1,D", "1,3,D", "1,1,D"})
    void the_level_follows_the_documented_matrix(int likelihood, int impact, RiskLevel level) {
        assertThat(RiskMatrix.level(likelihood, impact, 1, 1)).isEqualTo(level);
    }

    @Test
    void the_highest_of_the_three_impacts_counts() {
        assertThat(RiskMatrix.level(4, 1, 5, 2)).isEqualTo(RiskLevel.S);
        assertThat(RiskMatrix.level(4, 1, 1, 5)).isEqualTo(RiskLevel.S);
    }

    @Test
    void ratings_outside_one_to_five_are_refused() {
        assertThatThrownBy(() -> RiskMatrix.level(0, 1, 1, 1)).hasMessageContaining("likelihood");
        assertThatThrownBy(() -> RiskMatrix.level(1, 1, 6, 1)).hasMessageContaining("integrity");
    }

    @Test
    void high_risks_must_be_treated_and_level_s_needs_layered_measures() {
        assertThat(RiskMatrix.treatmentProblems(RiskLevel.A, RiskTreatment.RETAIN, List.of())).hasSize(1);
        assertThat(RiskMatrix.treatmentProblems(RiskLevel.S, RiskTreatment.REDUCE, List.of("MFA")))
                .containsExactly("a risk of level S needs layered measures: name at least two");
        assertThat(RiskMatrix.treatmentProblems(RiskLevel.S, RiskTreatment.REDUCE, List.of("MFA", "EDR"))).isEmpty();
        assertThat(RiskMatrix.treatmentProblems(RiskLevel.S, RiskTreatment.AVOID, List.of())).isEmpty();
        assertThat(RiskMatrix.treatmentProblems(RiskLevel.D, RiskTreatment.RETAIN, List.of())).isEmpty();
    }
}
