package org.sansho.contract.disclosures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.disclosures.domain.DisclosureRules;
import org.sansho.contract.disclosures.domain.FactKind;
import org.sansho.contract.disclosures.domain.ReviewDecision;
import org.sansho.contract.disclosures.domain.RowStatus;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The disclosure package's rules, without Quarkus (2省GL §3.2.1; vendor guideline §4.1 表4-1). */
class DisclosureRulesTest {

    @Test
    void shared_understanding_needs_rows_and_every_one_of_them_accepted() {
        assertThat(DisclosureRules.sharedUnderstanding(List.of())).isFalse();
        assertThat(DisclosureRules.sharedUnderstanding(List.of(RowStatus.ACCEPTED, RowStatus.ACCEPTED))).isTrue();
        for (RowStatus other : EnumSet.complementOf(EnumSet.of(RowStatus.ACCEPTED))) {
            assertThat(DisclosureRules.sharedUnderstanding(List.of(RowStatus.ACCEPTED, other)))
                    .as("one row %s", other).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(RowStatus.class)
    void any_answer_waits_for_a_new_review(RowStatus before) {
        assertThat(DisclosureRules.afterAnswer(before)).isEqualTo(RowStatus.ANSWERED);
    }

    @Test
    void only_an_answered_row_is_reviewed_and_the_review_sets_its_status() {
        assertThat(DisclosureRules.reviewRefusal(RowStatus.OPEN)).isNotBlank();
        for (RowStatus answered : EnumSet.of(RowStatus.ANSWERED, RowStatus.ACCEPTED, RowStatus.NEEDS_INFORMATION)) {
            assertThat(DisclosureRules.reviewRefusal(answered)).isNull();
        }
        assertThat(DisclosureRules.afterReview(ReviewDecision.ACCEPTED)).isEqualTo(RowStatus.ACCEPTED);
        assertThat(DisclosureRules.afterReview(ReviewDecision.NEEDS_INFORMATION))
                .isEqualTo(RowStatus.NEEDS_INFORMATION);
    }

    @Test
    void asking_for_more_information_says_what_is_missing() {
        assertThat(DisclosureRules.commentRefusal(ReviewDecision.NEEDS_INFORMATION, null)).isNotBlank();
        assertThat(DisclosureRules.commentRefusal(ReviewDecision.NEEDS_INFORMATION, "  ")).isNotBlank();
        assertThat(DisclosureRules.commentRefusal(ReviewDecision.NEEDS_INFORMATION, "世代数は?")).isNull();
        assertThat(DisclosureRules.commentRefusal(ReviewDecision.ACCEPTED, null)).isNull();
    }

    @Test
    void the_package_takes_answers_and_reviews_until_the_agreement() {
        assertThat(EnumSet.allOf(ContractState.class).stream().filter(DisclosureRules::open).toList())
                .containsExactlyInAnyOrder(ContractState.DRAFT, ContractState.DISCLOSURE_REQUESTED,
                        ContractState.UNDER_ASSESSMENT);
    }

    @Test
    void a_row_asks_for_the_registered_fact_its_requirements_name() {
        assertThat(FactKind.forRequirements(List.of("VGL-4.1-1", "MHLW6-MGT-7-U2"))).isEqualTo(FactKind.DATA_LOCATION);
        assertThat(FactKind.forRequirements(List.of("VGL-4.1-3", "MHLW6-SYS-11-1")))
                .isEqualTo(FactKind.BACKUP_GENERATIONS);
        assertThat(FactKind.forRequirements(List.of("VGL-4.1-4"))).isEqualTo(FactKind.SUBCONTRACTORS);
        assertThat(FactKind.forRequirements(List.of("VGL-4.1-7", "VGL-4.4-1"))).isEqualTo(FactKind.CERTIFICATIONS);
        assertThat(FactKind.forRequirements(List.of("VGL-4.1-10"))).isEqualTo(FactKind.CERTIFICATIONS);
        assertThat(FactKind.forRequirements(List.of("VGL-4.1-6"))).isNull();
        assertThat(FactKind.forRequirements(List.of())).isNull();
    }
}
