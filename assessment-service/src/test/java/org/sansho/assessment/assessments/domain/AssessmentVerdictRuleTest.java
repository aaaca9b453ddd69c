package org.sansho.assessment.assessments.domain;

import org.junit.jupiter.api.Test;
import org.sansho.assessment.findings.domain.FindingStatus;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansho.assessment.assessments.domain.Evaluation.CONFORMANT;
import static org.sansho.assessment.assessments.domain.Evaluation.NONCONFORMANT;
import static org.sansho.assessment.assessments.domain.Obligation.*;
import static org.sansho.assessment.assessments.domain.ResponseStatus.*;

class AssessmentVerdictRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    private static ItemOutcome ok(Obligation o) {
        return new ItemOutcome(o, IMPLEMENTED, CONFORMANT, null, null);
    }

    private static ItemOutcome gap(Obligation o, FindingStatus f, LocalDate until) {
        return new ItemOutcome(o, NOT_IMPLEMENTED, NONCONFORMANT, f, until);
    }

    @Test
    void all_items_conformant_is_acceptable_with_full_score() {
        AssessmentResult r = AssessmentVerdictRule.evaluate(List.of(ok(MANDATORY), ok(RECOMMENDED)), TODAY);
        assertThat(r).isEqualTo(new AssessmentResult(Verdict.ACCEPTABLE, 100.0, 0, 0, 0));
    }

    @Test
    void an_open_mandatory_gap_is_unacceptable() {
        AssessmentResult r = AssessmentVerdictRule.evaluate(
                List.of(ok(MANDATORY), gap(MANDATORY, FindingStatus.OPEN, null), ok(RECOMMENDED)), TODAY);
        assertThat(r.verdict()).isEqualTo(Verdict.UNACCEPTABLE);
        assertThat(r.openMandatoryGaps()).isEqualTo(1);
        assertThat(r.score()).isEqualTo(66.7);
    }

    @Test
    void a_mandatory_gap_without_any_finding_is_still_open() {
        assertThat(AssessmentVerdictRule.evaluate(List.of(gap(MANDATORY, null, null)), TODAY).verdict())
                .isEqualTo(Verdict.UNACCEPTABLE);
    }

    @Test
    void only_recommended_gaps_make_it_conditional() {
        AssessmentResult r = AssessmentVerdictRule.evaluate(
                List.of(ok(MANDATORY), gap(RECOMMENDED, FindingStatus.OPEN, null)), TODAY);
        assertThat(r).isEqualTo(new AssessmentResult(Verdict.CONDITIONAL, 50.0, 0, 0, 1));
    }

    @Test
    void a_risk_accepted_mandatory_gap_makes_it_conditional_until_the_acceptance_expires() {
        List<ItemOutcome> items = List.of(ok(MANDATORY),
                gap(MANDATORY, FindingStatus.RISK_ACCEPTED, TODAY.plusDays(10)));
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY))
                .isEqualTo(new AssessmentResult(Verdict.CONDITIONAL, 50.0, 0, 1, 0));
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY.plusDays(10)).verdict())
                .isEqualTo(Verdict.CONDITIONAL);
        AssessmentResult expired = AssessmentVerdictRule.evaluate(items, TODAY.plusDays(11));
        assertThat(expired.verdict()).isEqualTo(Verdict.UNACCEPTABLE);
        assertThat(expired.openMandatoryGaps()).isEqualTo(1);
        assertThat(expired.acceptedMandatoryGaps()).isZero();
    }

    @Test
    void a_resolved_gap_counts_as_conformant() {
        AssessmentResult r = AssessmentVerdictRule.evaluate(
                List.of(ok(MANDATORY), gap(MANDATORY, FindingStatus.RESOLVED, null)), TODAY);
        assertThat(r).isEqualTo(new AssessmentResult(Verdict.ACCEPTABLE, 100.0, 0, 0, 0));
    }

    @Test
    void informative_gaps_never_count_and_accepted_not_applicable_items_leave_the_score() {
        AssessmentResult r = AssessmentVerdictRule.evaluate(List.of(ok(MANDATORY),
                new ItemOutcome(MANDATORY, NOT_APPLICABLE, CONFORMANT, null, null),
                gap(INFORMATIVE, null, null)), TODAY);
        assertThat(r).isEqualTo(new AssessmentResult(Verdict.ACCEPTABLE, 50.0, 0, 0, 0));
    }

    @Test
    void nothing_assessed_is_never_a_pass() {
        assertThat(AssessmentVerdictRule.evaluate(List.of(), TODAY))
                .isEqualTo(new AssessmentResult(Verdict.UNACCEPTABLE, 0.0, 0, 0, 0));
        List<ItemOutcome> allNotApplicable = List.of(
                new ItemOutcome(MANDATORY, NOT_APPLICABLE, CONFORMANT, null, null),
                new ItemOutcome(RECOMMENDED, NOT_APPLICABLE, CONFORMANT, null, null));
        assertThat(AssessmentVerdictRule.applicable(allNotApplicable)).isZero();
        assertThat(AssessmentVerdictRule.evaluate(allNotApplicable, TODAY).verdict()).isEqualTo(Verdict.UNACCEPTABLE);
        assertThat(AssessmentVerdictRule.applicable(List.of(ok(MANDATORY), allNotApplicable.get(0)))).isEqualTo(1);
    }

    private static ItemOutcome planned(Obligation o, LocalDate due) {
        return new ItemOutcome(o, NOT_IMPLEMENTED, NONCONFORMANT, FindingStatus.OPEN, null, due);
    }

    @Test
    void in_contract_a_mandatory_gap_with_a_finding_due_ahead_is_planned_and_conditional() {
        List<ItemOutcome> items = List.of(ok(MANDATORY), planned(MANDATORY, TODAY.plusDays(10)));
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY, true))
                .isEqualTo(new AssessmentResult(Verdict.CONDITIONAL, 50.0, 0, 0, 0, 1));
        // Due today still counts; the day after it is open again.
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY.plusDays(10), true).verdict())
                .isEqualTo(Verdict.CONDITIONAL);
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY.plusDays(11), true))
                .isEqualTo(new AssessmentResult(Verdict.UNACCEPTABLE, 50.0, 1, 0, 0, 0));
    }

    @Test
    void a_plan_does_not_manage_a_gap_outside_the_contract_nor_one_without_an_open_finding() {
        List<ItemOutcome> items = List.of(ok(MANDATORY), planned(MANDATORY, TODAY.plusDays(10)));
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY, false))
                .isEqualTo(new AssessmentResult(Verdict.UNACCEPTABLE, 50.0, 1, 0, 0, 0));
        assertThat(AssessmentVerdictRule.evaluate(items, TODAY))
                .isEqualTo(AssessmentVerdictRule.evaluate(items, TODAY, false));
        assertThat(AssessmentVerdictRule.evaluate(List.of(gap(MANDATORY, null, null)), TODAY, true).verdict())
                .isEqualTo(Verdict.UNACCEPTABLE);
        // A recommended gap under a plan stays a recommended gap: CONDITIONAL either way, not counted as planned.
        assertThat(AssessmentVerdictRule.evaluate(List.of(planned(RECOMMENDED, TODAY)), TODAY, true))
                .isEqualTo(new AssessmentResult(Verdict.CONDITIONAL, 0.0, 0, 0, 1, 0));
    }
}
