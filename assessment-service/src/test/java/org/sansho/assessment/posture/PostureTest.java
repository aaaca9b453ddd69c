package org.sansho.assessment.posture;

import org.sansho.assessment.posture.service.PostureProjection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.platform.security.Roles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sansho.assessment.Fixtures.as;

/** A hospital's and a vendor's posture summed over their rows of the read model, on PostgreSQL. */
@QuarkusTest
class PostureTest {

    @Inject
    PostureProjection projection;

    private final UUID hospital = UUID.randomUUID();
    private final UUID otherHospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    private UUID contract(UUID hospitalId, String phase, String state) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> projection.contractMoved(id, hospitalId, vendor, state, phase));
        return id;
    }

    private void result(UUID contract, UUID hospitalId, Verdict verdict, int gaps) {
        QuarkusTransaction.requiringNew().run(() -> projection.resultRecorded(new AssessmentPayloads.Result(
                UUID.randomUUID(), contract, hospitalId, vendor, AssessmentPhase.PRE_CONTRACT, verdict, 0.5, gaps, 0,
                0, 0, Instant.now())));
    }

    @Test
    void the_posture_counts_every_contract_once_by_phase_state_and_verdict_and_sums_gaps_and_overdue_findings() {
        UUID a = contract(hospital, "PRE_CONTRACT", "UNDER_REVIEW");
        UUID b = contract(hospital, "PRE_CONTRACT", "UNDER_REVIEW");
        UUID c = contract(hospital, "PRE_CONTRACT", "DISCLOSURE_REQUESTED");
        UUID d = contract(hospital, "IN_CONTRACT", "ACTIVE");
        contract(hospital, "PRE_CONTRACT", "DRAFT");
        result(a, hospital, Verdict.UNACCEPTABLE, 3);
        result(b, hospital, Verdict.UNACCEPTABLE, 2);
        result(d, hospital, Verdict.ACCEPTABLE, 0);
        QuarkusTransaction.requiringNew().run(() -> {
            projection.overdueChanged(a, hospital, vendor, 1);
            projection.overdueChanged(c, hospital, vendor, 1);
            projection.overdueChanged(c, hospital, vendor, 1);
        });
        // Another hospital's contract with the same vendor: in the vendor's posture, not in this hospital's.
        UUID other = contract(otherHospital, "IN_CONTRACT", "ACTIVE");
        result(other, otherHospital, Verdict.CONDITIONAL, 1);

        Map<String, Object> posture = as(Roles.PROCUREMENT, hospital).queryParam("hospital", hospital)
                .get("/api/v1/posture").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(posture).containsEntry("organizationKind", "HOSPITAL")
                .containsEntry("organizationId", hospital.toString())
                .containsEntry("contracts", 5)
                .containsEntry("contractsByPhase", Map.of("IN_CONTRACT", 1, "PRE_CONTRACT", 4))
                .containsEntry("contractsByState", Map.of("ACTIVE", 1, "DISCLOSURE_REQUESTED", 1, "DRAFT", 1,
                        "UNDER_REVIEW", 2))
                .containsEntry("verdicts", Map.of("ACCEPTABLE", 1, "UNACCEPTABLE", 2))
                .containsEntry("openMandatoryGaps", 5)
                .containsEntry("overdueFindings", 3);

        Map<String, Object> vendorPosture = as(Roles.VENDOR, vendor).queryParam("vendor", vendor)
                .get("/api/v1/posture").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(vendorPosture).containsEntry("organizationKind", "VENDOR")
                .containsEntry("contracts", 6)
                .containsEntry("contractsByPhase", Map.of("IN_CONTRACT", 2, "PRE_CONTRACT", 4))
                .containsEntry("verdicts", Map.of("ACCEPTABLE", 1, "CONDITIONAL", 1, "UNACCEPTABLE", 2))
                .containsEntry("openMandatoryGaps", 6)
                .containsEntry("overdueFindings", 3);
    }

    @Test
    void an_organization_without_contracts_has_an_empty_posture() {
        UUID none = UUID.randomUUID();
        Map<String, Object> posture = as(Roles.PROCUREMENT, none).queryParam("hospital", none)
                .get("/api/v1/posture").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(posture).containsEntry("contracts", 0).containsEntry("contractsByPhase", Map.of())
                .containsEntry("contractsByState", Map.of()).containsEntry("verdicts", Map.of())
                .containsEntry("openMandatoryGaps", 0).containsEntry("overdueFindings", 0);
    }

    @Test
    void a_result_before_any_contract_event_counts_as_an_unknown_phase_and_state() {
        UUID early = UUID.randomUUID();
        UUID h = UUID.randomUUID();
        result(early, h, Verdict.CONDITIONAL, 1);
        Map<String, Object> posture = as(Roles.PROCUREMENT, h).queryParam("hospital", h)
                .get("/api/v1/posture").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(posture).containsEntry("contracts", 1)
                .containsEntry("contractsByPhase", Map.of("UNKNOWN", 1))
                .containsEntry("contractsByState", Map.of("UNKNOWN", 1))
                .containsEntry("verdicts", Map.of("CONDITIONAL", 1)).containsEntry("openMandatoryGaps", 1);
    }
}
