package org.sansho.assessment.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.assessments.service.Rebaselining;
import org.sansho.assessment.events.GuidelineVersionPublishedV1;
import org.sansho.platform.tenancy.NoTenantScopeException;
import org.sansho.platform.tenancy.Tenancy;
import org.sansho.testsupport.tenancy.ForgottenClause;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.testsupport.tenancy.ForgottenClause.found;
import static org.sansho.testsupport.tenancy.ForgottenClause.values;

/**
 * Tenancy is enforced below the resources: a query or a load by id written without any tenancy clause
 * ({@link ForgottenClauseResource}, {@link ForgottenClause}) still sees only the caller's rows, the dashboard reads answer another
 * organization with 404, and work without a caller that forgot to declare the system scope fails instead of
 * reading.
 */
@QuarkusTest
class TenancyTest {

    @Inject
    Rebaselining rebaselining;

    @Inject
    EntityManager em;

    UUID hospitalA;
    UUID vendorA;
    UUID hospitalB;
    UUID vendorB;
    UUID contractA;
    UUID contractB;
    UUID assessmentA;
    UUID assessmentB;
    String guideline;

    @BeforeEach
    void twoOrganizationsWithAnAssessmentEach() {
        hospitalA = UUID.randomUUID();
        vendorA = UUID.randomUUID();
        hospitalB = UUID.randomUUID();
        vendorB = UUID.randomUUID();
        contractA = UUID.randomUUID();
        contractB = UUID.randomUUID();
        guideline = "tenancy-" + UUID.randomUUID().toString().substring(0, 8);
        List<VersionRef> baseline = List.of(new VersionRef(guideline, "1.0"));
        List<Fixtures.Req> reqs = List.of(new Fixtures.Req("K-1", Obligation.MANDATORY));
        assessmentA = Fixtures.seed(contractA, hospitalA, vendorA, AssessmentStatus.OPEN, baseline, reqs);
        assessmentB = Fixtures.seed(contractB, hospitalB, vendorB, AssessmentStatus.OPEN, baseline, reqs);
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID[] row : List.of(new UUID[]{contractA, hospitalA, vendorA},
                    new UUID[]{contractB, hospitalB, vendorB})) {
                em.createNativeQuery("""
                                insert into contract_posture (contract_id, hospital_id, vendor_id, phase, state, updated_at)
                                values (?1, ?2, ?3, 'PRE_CONTRACT', 'UNDER_ASSESSMENT', ?4)""")
                        .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, row[2])
                        .setParameter(4, Instant.now()).executeUpdate();
                em.createNativeQuery("""
                                insert into upcoming_deadline (kind, subject_id, contract_id, hospital_id, vendor_id,
                                    due_on, threshold_days, updated_at)
                                values ('NOTICE_DEADLINE', ?1, ?1, ?2, ?3, ?4, 30, ?5)""")
                        .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, row[2])
                        .setParameter(4, LocalDate.now().plusDays(20)).setParameter(5, Instant.now()).executeUpdate();
            }
        });
    }

    @Test
    void a_plain_list_of_every_assessment_answers_only_the_callers_side() {
        for (var caller : List.of(as("procurement", hospitalA), as("vendor", vendorA), as("auditor", hospitalA))) {
            assertThat(values(caller, "Assessment", "id")).contains(assessmentA.toString()).doesNotContain(assessmentB.toString());
        }
        // The vendor's side is not the hospital's: a procurement token of the vendor's organization sees none.
        assertThat(values(as("procurement", vendorA), "Assessment", "id")).doesNotContain(assessmentA.toString());
    }

    @Test
    void a_load_by_id_of_another_organizations_assessment_or_item_finds_nothing() {
        assertThat(found(as("vendor", vendorA), "Assessment", assessmentA)).isTrue();
        assertThat(found(as("vendor", vendorA), "Assessment", assessmentB)).isFalse();
        UUID itemOfB = QuarkusTransaction.requiringNew().call(() -> Tenancy.system("tenancy test",
                () -> AssessmentItem.<AssessmentItem>find("assessmentId", assessmentB).firstResult().id));
        assertThat(found(as("procurement", hospitalA), "AssessmentItem", itemOfB)).isFalse();
        assertThat(found(as("procurement", hospitalB), "AssessmentItem", itemOfB)).isTrue();
    }

    @Test
    void a_plain_hql_query_of_items_answers_only_the_items_of_the_callers_assessments() {
        List<String> owners = values(as("procurement", hospitalA), "AssessmentItem", "assessmentId");
        assertThat(owners).contains(assessmentA.toString()).doesNotContain(assessmentB.toString());
    }

    @Test
    void the_read_models_answer_only_the_callers_rows_and_another_organization_is_not_found() {
        List<String> posture = values(as("vendor", vendorA), "ContractPosture", "contractId");
        assertThat(posture).contains(contractA.toString()).doesNotContain(contractB.toString());
        List<String> deadlines = values(as("procurement", hospitalA), "UpcomingDeadline", "key.subjectId");
        assertThat(deadlines).contains(contractA.toString()).doesNotContain(contractB.toString());

        as("procurement", hospitalA).queryParam("hospital", hospitalA).get("/api/v1/posture").then()
                .statusCode(200).body("contracts", equalTo(1));
        as("procurement", hospitalA).queryParam("hospital", hospitalB).get("/api/v1/posture").then()
                .statusCode(404).contentType("application/problem+json");
        as("vendor", vendorA).queryParam("vendor", vendorB).get("/api/v1/deadlines").then()
                .statusCode(404).contentType("application/problem+json");
        as("vendor", vendorA).queryParam("hospital", hospitalA).get("/api/v1/stream").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_read_with_no_caller_and_no_system_scope_fails_loudly() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(
                () -> org.sansho.assessment.assessments.persistence.Assessment.findById(assessmentA)))
                .isInstanceOf(NoTenantScopeException.class);
    }

    @Test
    void a_consumers_effect_run_outside_the_inbox_fails_loudly_and_runs_under_the_system_scope() {
        GuidelineVersionPublishedV1 published = new GuidelineVersionPublishedV1(guideline, "1.1",
                List.of(new VersionRef(guideline, "1.0")), List.of(), List.of(), List.of("K-1"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> rebaselining.markStale(published)))
                .isInstanceOf(NoTenantScopeException.class);
        as("procurement", hospitalA).get("/api/v1/assessments/" + assessmentA).then().body("status", equalTo("OPEN"));

        QuarkusTransaction.requiringNew().run(() -> Tenancy.system("tenancy test",
                () -> rebaselining.markStale(published)));
        as("procurement", hospitalA).get("/api/v1/assessments/" + assessmentA).then().body("status", equalTo("STALE"));
        as("procurement", hospitalB).get("/api/v1/assessments/" + assessmentB).then().body("status", equalTo("STALE"));
    }
}
