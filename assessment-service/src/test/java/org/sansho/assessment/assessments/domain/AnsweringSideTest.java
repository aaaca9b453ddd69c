package org.sansho.assessment.assessments.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansho.assessment.assessments.domain.AnsweringSide.BOTH;
import static org.sansho.assessment.assessments.domain.AnsweringSide.HOSPITAL;
import static org.sansho.assessment.assessments.domain.AnsweringSide.VENDOR;
import static org.sansho.assessment.assessments.domain.ResponseStatus.IMPLEMENTED;
import static org.sansho.assessment.assessments.domain.ResponseStatus.NOT_APPLICABLE;
import static org.sansho.assessment.assessments.domain.ResponseStatus.PARTIAL;

class AnsweringSideTest {

    @Test
    void the_split_parties_naming_a_requirement_decide_who_answers_it() {
        assertThat(AnsweringSide.of(List.of())).isEqualTo(VENDOR);
        assertThat(AnsweringSide.of(List.of("VENDOR", "VENDOR"))).isEqualTo(VENDOR);
        assertThat(AnsweringSide.of(List.of("HOSPITAL"))).isEqualTo(HOSPITAL);
        assertThat(AnsweringSide.of(List.of("SHARED"))).isEqualTo(BOTH);
        assertThat(AnsweringSide.of(List.of("HOSPITAL", "VENDOR"))).isEqualTo(BOTH);
    }

    @Test
    void every_requirement_a_split_item_names_gets_its_side_and_the_others_stay_with_the_vendor() {
        Map<String, AnsweringSide> sides = AnsweringSide.byRequirement(List.of(
                new AnsweringSide.SplitItem("HOSPITAL", List.of("MHLW6-MGT-7-U1", "VGL-4.1-2")),
                new AnsweringSide.SplitItem("SHARED", List.of("VGL-3.1-1", "MHLW6-MGT-7-U1")),
                new AnsweringSide.SplitItem("VENDOR", List.of("VGL-3.1-2"))));
        assertThat(sides).containsEntry("VGL-4.1-2", HOSPITAL).containsEntry("VGL-3.1-1", BOTH)
                .containsEntry("MHLW6-MGT-7-U1", BOTH).containsEntry("VGL-3.1-2", VENDOR)
                .doesNotContainKey("VGL-4.4-1");
    }

    @Test
    void each_side_answers_only_its_own_items_and_both_answer_shared_ones() {
        assertThat(HOSPITAL.answeredBy(AnsweringSide.Caller.HOSPITAL)).isTrue();
        assertThat(HOSPITAL.answeredBy(AnsweringSide.Caller.VENDOR)).isFalse();
        assertThat(VENDOR.answeredBy(AnsweringSide.Caller.HOSPITAL)).isFalse();
        assertThat(BOTH.answeredBy(AnsweringSide.Caller.HOSPITAL)).isTrue();
        assertThat(BOTH.answeredBy(AnsweringSide.Caller.VENDOR)).isTrue();
    }

    @Test
    void an_item_answered_by_both_counts_only_once_both_answered() {
        assertThat(BOTH.answered(IMPLEMENTED, null)).isFalse();
        assertThat(BOTH.answered(null, IMPLEMENTED)).isFalse();
        assertThat(BOTH.answered(IMPLEMENTED, PARTIAL)).isTrue();
        assertThat(HOSPITAL.answered(null, IMPLEMENTED)).isTrue();
        assertThat(HOSPITAL.answered(IMPLEMENTED, null)).isFalse();
        assertThat(VENDOR.answered(IMPLEMENTED, null)).isTrue();
    }

    @Test
    void the_verdict_reads_the_answering_sides_answer_and_not_applicable_only_when_both_say_so() {
        assertThat(HOSPITAL.effective(null, PARTIAL)).isEqualTo(PARTIAL);
        assertThat(VENDOR.effective(IMPLEMENTED, NOT_APPLICABLE)).isEqualTo(IMPLEMENTED);
        assertThat(BOTH.effective(NOT_APPLICABLE, NOT_APPLICABLE)).isEqualTo(NOT_APPLICABLE);
        assertThat(BOTH.effective(NOT_APPLICABLE, PARTIAL)).isEqualTo(PARTIAL);
        assertThat(BOTH.effective(IMPLEMENTED, PARTIAL)).isEqualTo(IMPLEMENTED);
    }
}
