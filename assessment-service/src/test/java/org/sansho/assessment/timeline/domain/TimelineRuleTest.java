package org.sansho.assessment.timeline.domain;

import org.junit.jupiter.api.Test;
import org.sansho.assessment.events.AssessmentEventTypes;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineRuleTest {

    @Test
    void every_published_assessment_fact_and_every_contract_fact_but_certifications_makes_a_line() {
        assertThat(TimelineRule.types()).containsAll(AssessmentEventTypes.PUBLISHED);
        assertThat(TimelineRule.types()).contains(AssessmentEventTypes.CONTRACT_CREATED,
                AssessmentEventTypes.CONTRACT_STATE_CHANGED, AssessmentEventTypes.CONTRACT_AMENDED,
                AssessmentEventTypes.CONTRACT_INCIDENT_REPORTED, AssessmentEventTypes.CONTRACT_REAGREEMENT_REQUIRED,
                AssessmentEventTypes.CONTRACT_CLOSED, AssessmentEventTypes.NOTICE_DEADLINE_APPROACHING);
        // A vendor's certification is not a fact of one contract.
        assertThat(TimelineRule.line(AssessmentEventTypes.CERTIFICATION_EXPIRING)).isEmpty();
    }

    @Test
    void lines_are_of_their_kind_and_keep_named_fields_only() {
        assertThat(TimelineRule.line(AssessmentEventTypes.CONTRACT_STATE_CHANGED).orElseThrow().kind())
                .isEqualTo(TimelineKind.STATE_CHANGE);
        assertThat(TimelineRule.line(AssessmentEventTypes.FINDING_OPENED).orElseThrow().fields())
                .contains("riskLevel", "dueDate").doesNotContain("hospitalId", "vendorId");
        assertThat(TimelineRule.line(AssessmentEventTypes.CONTRACT_INCIDENT_REPORTED).orElseThrow().kind())
                .isEqualTo(TimelineKind.INCIDENT);
        assertThat(TimelineRule.line(AssessmentEventTypes.RISK_ACCEPTANCE_EXPIRING).orElseThrow().kind())
                .isEqualTo(TimelineKind.REMINDER);
        assertThat(TimelineRule.HOSPITAL_ONLY).containsExactlyInAnyOrder("actor", "reason");
    }
}
