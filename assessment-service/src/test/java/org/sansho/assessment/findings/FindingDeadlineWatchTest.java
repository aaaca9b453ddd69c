package org.sansho.assessment.findings;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.sansho.platform.tenancy.Tenancy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.ResponseStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.findings.service.FindingDeadlineWatch;
import org.sansho.platform.security.Roles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;

/** Overdue findings and expiring risk acceptances, the report and the posture read model. */
@QuarkusTest
class FindingDeadlineWatchTest {

    @Inject
    FindingDeadlineWatch watch;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    /** A completed pre-contract assessment with two mandatory nonconformities and no finding yet. */
    private UUID completedWithTwoGaps() {
        return completedWithTwoGaps(AssessmentPhase.PRE_CONTRACT);
    }

    private UUID completedWithTwoGaps(AssessmentPhase phase) {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.UNDER_REVIEW,
                List.of(new VersionRef("deadline-test-guideline", "1")),
                List.of(new Fixtures.Req("G-1", MANDATORY), new Fixtures.Req("G-2", MANDATORY)));
        QuarkusTransaction.requiringNew().run(() -> Tenancy.system("test set-up", () ->
                AssessmentItem.<AssessmentItem>list("assessmentId", id).forEach(i -> {
                    i.response = ResponseStatus.NOT_IMPLEMENTED;
                    i.evaluation = Evaluation.NONCONFORMANT;
                    i.evaluationComment = "missing";
                })));
        QuarkusTransaction.requiringNew().run(() -> Tenancy.system("test set-up", () -> {
            Assessment a = Assessment.findById(id);
            a.phase = phase;
            a.openingKey = contract + ":" + phase;
        }));
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).then().statusCode(200)
                .body("result.verdict", equalTo("UNACCEPTABLE"));
        return id;
    }

    private String finding(UUID id, String key) {
        String location = as(Roles.PROCUREMENT, hospital).body(Map.of("requirementKey", key, "owner", "vendor CISO",
                        "dueDate", LocalDate.now().plusDays(30).toString(), "likelihood", 2,
                        "impact", Map.of("confidentiality", 2, "integrity", 1, "availability", 1),
                        "treatment", "REDUCE", "measures", List.of("patch")))
                .post("/api/v1/assessments/{id}/findings", id).then().statusCode(201).extract().header("Location");
        return location.substring(location.indexOf("/api/v1/"));
    }

    @Test
    void an_overdue_finding_and_an_expiring_acceptance_are_announced_once_each_and_the_verdict_follows_the_expiry() {
        UUID id = completedWithTwoGaps();
        finding(id, "G-1");
        String accepted = finding(id, "G-2");
        LocalDate expiry = LocalDate.now().plusDays(60);
        as(Roles.PROCUREMENT, hospital).body(Map.of("approver", "Dr. Sato", "justification", "compensating control",
                "expiresOn", expiry.toString())).post(accepted + "/risk-acceptance").then().statusCode(201);

        LocalDate afterDue = LocalDate.now().plusDays(31);
        // The watch covers every organization, and other tests' findings may fall due on the same dates: the
        // counts are at least this test's own notices; the events published for this contract (below) show that
        // each of its notices went out once, however often the watch ran.
        assertThat(watch.check(afterDue)).isGreaterThanOrEqualTo(2); // G-1 overdue, G-2 expires within 30 days
        watch.check(afterDue.plusDays(1));
        assertThat(watch.check(expiry.plusDays(1))).isGreaterThanOrEqualTo(1); // G-2 expired
        watch.check(expiry.plusDays(2));

        await().atMost(Duration.ofSeconds(20)).until(
                () -> Fixtures.published(contract, "org.sansho.assessment.risk-acceptance.expiring.v1").size() >= 2);
        assertThat(Fixtures.published(contract, "org.sansho.assessment.risk-acceptance.expiring.v1")).hasSize(2);
        List<JsonNode> overdue = Fixtures.published(contract, "org.sansho.assessment.finding.overdue.v1");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("data").path("requirementKey").asText()).isEqualTo("G-1");
        // While accepted, the gap of G-2 did not count; once the acceptance lapsed it counts again.
        List<JsonNode> changes = Fixtures.published(contract, "org.sansho.assessment.verdict-changed.v1");
        assertThat(changes).isNotEmpty();
        assertThat(changes.get(changes.size() - 1).path("data").path("openMandatoryGaps").asInt()).isEqualTo(2);

        as(Roles.PROCUREMENT, hospital).queryParam("hospital", hospital).get("/api/v1/posture").then().statusCode(200)
                .body("overdueFindings", equalTo(1)).body("verdicts.UNACCEPTABLE", equalTo(1));
    }

    @Test
    void in_contract_a_mandatory_gap_under_a_finding_due_ahead_is_planned_until_the_due_date_passes() {
        UUID id = completedWithTwoGaps(AssessmentPhase.IN_CONTRACT);
        finding(id, "G-1");
        // One gap planned, one still open: not yet managed.
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("result.verdict", equalTo("UNACCEPTABLE")).body("result.openMandatoryGaps", equalTo(1))
                .body("result.plannedMandatoryGaps", equalTo(1));
        finding(id, "G-2");
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("result.verdict", equalTo("CONDITIONAL")).body("result.openMandatoryGaps", equalTo(0))
                .body("result.plannedMandatoryGaps", equalTo(2));

        // Both due dates pass: the plans no longer manage the gaps and the contract hears it.
        watch.check(LocalDate.now().plusDays(31));
        watch.check(LocalDate.now().plusDays(32));
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("result.verdict", equalTo("UNACCEPTABLE")).body("result.openMandatoryGaps", equalTo(2))
                .body("result.plannedMandatoryGaps", equalTo(0));
        await().atMost(Duration.ofSeconds(20)).until(
                () -> Fixtures.published(contract, "org.sansho.assessment.verdict-changed.v1").size() >= 3);
        List<JsonNode> changes = Fixtures.published(contract, "org.sansho.assessment.verdict-changed.v1");
        assertThat(changes.stream().map(e -> e.path("data").path("verdict").asText() + "/"
                + e.path("data").path("openMandatoryGaps").asInt() + "/"
                + e.path("data").path("plannedMandatoryGaps").asInt()).toList())
                .containsExactly("UNACCEPTABLE/1/1", "CONDITIONAL/0/2", "UNACCEPTABLE/2/0");
    }

    @Test
    void before_the_contract_a_finding_with_a_due_date_does_not_manage_a_mandatory_gap() {
        UUID id = completedWithTwoGaps();
        finding(id, "G-1");
        finding(id, "G-2");
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("result.verdict", equalTo("UNACCEPTABLE")).body("result.openMandatoryGaps", equalTo(2))
                .body("result.plannedMandatoryGaps", equalTo(0));
        assertThat(Fixtures.published(contract, "org.sansho.assessment.verdict-changed.v1")).isEmpty();
    }

    @Test
    void the_posture_follows_contract_events_and_results_and_is_only_for_the_organization_itself() {
        String created = Fixtures.cloudEvent(UUID.randomUUID().toString(), "org.sansho.contract.created.v1",
                contract.toString(), Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                        "vendorId", vendor.toString(), "state", "DRAFT", "phase", "PRE_CONTRACT"));
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", contract.toString(), created))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(20)).until(() -> as(Roles.VENDOR, vendor).queryParam("vendor", vendor)
                .get("/api/v1/posture").then().extract().path("contracts").equals(1));
        as(Roles.VENDOR, vendor).queryParam("vendor", vendor).get("/api/v1/posture").then()
                .body("contractsByPhase.PRE_CONTRACT", equalTo(1)).body("contractsByState.DRAFT", equalTo(1));
        as(Roles.VENDOR, UUID.randomUUID()).queryParam("vendor", vendor).get("/api/v1/posture").then().statusCode(404);
        as(Roles.VENDOR, vendor).queryParam("hospital", hospital).get("/api/v1/posture").then().statusCode(404);
        as(Roles.VENDOR, vendor).get("/api/v1/posture").then().statusCode(400);
    }

    @Test
    void the_report_lists_every_item_with_its_finding_as_json_and_csv() {
        UUID id = completedWithTwoGaps();
        finding(id, "G-1");
        as(Roles.AUDITOR, hospital).accept("application/json").get("/api/v1/assessments/{id}/report", id).then().statusCode(200)
                .body("assessment.result.verdict", equalTo("UNACCEPTABLE")).body("items.size()", equalTo(2))
                .body("findings.size()", equalTo(1)).body("findings[0].requirementKey", equalTo("G-1"));
        String csv = as(Roles.AUDITOR, hospital).accept("text/csv").get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("\"G-1\"").contains("\"NONCONFORMANT\"", "\"OPEN\"");
        as(Roles.AUDITOR, UUID.randomUUID()).accept("text/csv").get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(404);
    }
}
