package org.sansho.assessment.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;
import static org.sansho.assessment.assessments.domain.Obligation.RECOMMENDED;

@QuarkusTest
class ReviewFlowTest {

    private static final List<VersionRef> BASELINE = List.of(new VersionRef("review-flow-test-guideline", "1"));

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    private UUID seed() {
        return Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN, BASELINE, List.of(
                new Fixtures.Req("M-1", MANDATORY), new Fixtures.Req("M-2", MANDATORY),
                new Fixtures.Req("R-1", RECOMMENDED)));
    }

    private String etag(UUID id, String key) {
        return as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, key)
                .then().statusCode(200).extract().header("ETag");
    }

    private ValidatableResponse answer(UUID id, String key, Map<String, Object> body) {
        return as(Roles.VENDOR, vendor).header("If-Match", etag(id, key)).body(body)
                .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then();
    }

    private ValidatableResponse evaluate(UUID id, String key, String evaluation, String comment) {
        String tag = as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}/items/{key}", id, key)
                .then().statusCode(200).extract().header("ETag");
        return as(Roles.PROCUREMENT, hospital).header("If-Match", tag)
                .body(comment == null ? Map.of("evaluation", evaluation) : Map.of("evaluation", evaluation, "comment", comment))
                .put("/api/v1/assessments/{id}/items/{key}/evaluation", id, key).then();
    }

    private static Map<String, Object> implemented() {
        return Map.of("status", "IMPLEMENTED", "statement", "in place",
                "evidence", List.of(Map.of("name", "ISMS certificate", "uri", "https://vendor.example/isms.pdf",
                        "validUntil", "2027-03-31")));
    }

    @Test
    void a_read_with_the_current_etag_in_if_none_match_is_304_until_the_assessment_changes() {
        UUID id = seed();
        String tag = as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .header("Cache-Control", containsString("no-cache")).extract().header("ETag");
        as(Roles.VENDOR, vendor).header("If-None-Match", tag).get("/api/v1/assessments/{id}", id).then()
                .statusCode(304).header("ETag", equalTo(tag)).body(emptyString());

        answer(id, "M-1", implemented()).statusCode(200); // the first answer moves it to VENDOR_RESPONDING

        as(Roles.PROCUREMENT, hospital).header("If-None-Match", tag).get("/api/v1/assessments/{id}", id).then()
                .statusCode(200).header("ETag", not(equalTo(tag))).body("status", equalTo("VENDOR_RESPONDING"));
    }

    @Test
    void an_assessment_with_no_applicable_item_cannot_be_completed_and_stays_under_review() {
        UUID empty = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.UNDER_REVIEW, BASELINE, List.of());
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", empty).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/nothing-assessed"))
                .body("detail", org.hamcrest.Matchers.containsString("§4.3"));
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", empty).then()
                .body("status", equalTo("UNDER_REVIEW")).body("result", nullValue());

        UUID notApplicable = Fixtures.seed(UUID.randomUUID(), hospital, vendor, AssessmentStatus.OPEN, BASELINE,
                List.of(new Fixtures.Req("N-1", MANDATORY)));
        answer(notApplicable, "N-1", Map.of("status", "NOT_APPLICABLE", "justification", "no such system"))
                .statusCode(200);
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", notApplicable).then().statusCode(200);
        evaluate(notApplicable, "N-1", "CONFORMANT", null).statusCode(200);
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", notApplicable).then()
                .statusCode(409).body("type", equalTo("https://sansho.dev/problems/nothing-assessed"));
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", notApplicable).then()
                .body("status", equalTo("UNDER_REVIEW"));
        assertThat(Fixtures.published(contract, "org.sansho.assessment.completed.v1")).isEmpty();
    }

    @Test
    void answers_evaluations_and_completion_produce_the_documented_verdict_and_the_completed_event() {
        UUID id = seed();

        answer(id, "M-1", implemented()).statusCode(200).body("response.status", equalTo("IMPLEMENTED"))
                .body("response.evidence[0].name", equalTo("ISMS certificate"));
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", id).then().body("status", equalTo("VENDOR_RESPONDING"));

        // Submitting with unanswered items names the failed guard.
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(409)
                .contentType("application/problem+json").body("guards.guard", contains("all-items-answered"));

        answer(id, "M-2", Map.of("status", "PARTIAL", "statement", "only at the main site")).statusCode(200);
        answer(id, "R-1", Map.of("status", "NOT_IMPLEMENTED")).statusCode(200);
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));

        evaluate(id, "M-1", "CONFORMANT", null).statusCode(200).body("evaluation.evaluation", equalTo("CONFORMANT"));
        evaluate(id, "M-2", "NONCONFORMANT", "backup not offline").statusCode(200);
        evaluate(id, "R-1", "NEEDS_INFO", "which sites?").statusCode(200);

        // NEEDS_INFO returns the item to the vendor: completion waits, the vendor may answer that item only.
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).then().statusCode(409)
                .body("guards.guard", contains("no-item-returned", "all-items-evaluated"));
        answer(id, "M-1", implemented()).statusCode(409);
        answer(id, "R-1", Map.of("status", "NOT_IMPLEMENTED", "statement", "no site has it")).statusCode(200)
                .body("evaluation", nullValue());
        evaluate(id, "R-1", "NONCONFORMANT", "recommended control missing").statusCode(200);

        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("result.verdict", equalTo("UNACCEPTABLE"))
                .body("result.score", equalTo(33.3f))
                .body("result.openMandatoryGaps", equalTo(1))
                .body("result.openRecommendedGaps", equalTo(1));

        List<JsonNode> completed = await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.completed.v1"), l -> l.size() == 1);
        JsonNode data = completed.get(0).path("data");
        assertThat(completed.get(0).path("subject").asText()).isEqualTo(contract.toString());
        assertThat(data.path("assessmentId").asText()).isEqualTo(id.toString());
        assertThat(data.path("hospitalId").asText()).isEqualTo(hospital.toString());
        assertThat(data.path("vendorId").asText()).isEqualTo(vendor.toString());
        assertThat(data.path("phase").asText()).isEqualTo("PRE_CONTRACT");
        assertThat(data.path("verdict").asText()).isEqualTo("UNACCEPTABLE");
        assertThat(data.path("openMandatoryGaps").asInt()).isEqualTo(1);
        assertThat(data.path("completedAt").isTextual()).isTrue();
        assertThat(Fixtures.published(contract, "org.sansho.assessment.submitted.v1")).hasSize(1);

        // A completed assessment is locked.
        answer(id, "R-1", implemented()).statusCode(409);
        evaluate(id, "M-1", "NONCONFORMANT", "changed my mind").statusCode(409);
    }

    @Test
    void a_risk_accepted_mandatory_gap_changes_the_verdict_to_conditional_and_publishes_verdict_changed() {
        UUID id = seed();
        answer(id, "M-1", implemented()).statusCode(200);
        answer(id, "M-2", Map.of("status", "NOT_IMPLEMENTED")).statusCode(200);
        answer(id, "R-1", implemented()).statusCode(200);
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
        evaluate(id, "M-1", "CONFORMANT", null).statusCode(200);
        evaluate(id, "M-2", "NONCONFORMANT", "no offline backup").statusCode(200);
        evaluate(id, "R-1", "CONFORMANT", null).statusCode(200);
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).then().statusCode(200)
                .body("result.verdict", equalTo("UNACCEPTABLE"));

        // A level-S risk may not be retained.
        as(Roles.PROCUREMENT, hospital).body(finding("M-2", 5, 5, "RETAIN", List.of()))
                .post("/api/v1/assessments/{id}/findings", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("treatment"));
        String location = as(Roles.PROCUREMENT, hospital).header("Idempotency-Key", "f-" + id)
                .body(finding("M-2", 3, 4, "REDUCE", List.of("offline backup", "restore drill")))
                .post("/api/v1/assessments/{id}/findings", id).then().statusCode(201)
                .body("risk.level", equalTo("A")).body("status", equalTo("OPEN"))
                .extract().header("Location");
        // The same key replays the first answer without a second finding.
        as(Roles.PROCUREMENT, hospital).header("Idempotency-Key", "f-" + id)
                .body(finding("M-2", 3, 4, "REDUCE", List.of("offline backup", "restore drill")))
                .post("/api/v1/assessments/{id}/findings", id).then().statusCode(201);
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/findings", id).then().statusCode(200)
                .body("totalItems", equalTo(1));

        String findingPath = location.substring(location.indexOf("/api/v1/"));
        as(Roles.PROCUREMENT, hospital).body(Map.of("approver", "Dr. Sato, CISO", "justification", "compensating control",
                        "expiresOn", LocalDate.now().plusMonths(6).toString()))
                .post(findingPath + "/risk-acceptance").then().statusCode(201)
                .body("status", equalTo("RISK_ACCEPTED")).body("riskAcceptance.approver", equalTo("Dr. Sato, CISO"));
        // Who accepted the risk and why is the hospital's own; the vendor sees that it was accepted and until when.
        as(Roles.VENDOR, vendor).get(findingPath).then().statusCode(200)
                .body("status", equalTo("RISK_ACCEPTED"))
                .body("riskAcceptance.expiresOn", equalTo(LocalDate.now().plusMonths(6).toString()))
                .body("riskAcceptance.approver", nullValue()).body("riskAcceptance.justification", nullValue());
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/findings", id).then().statusCode(200)
                .body("items[0].riskAcceptance.approver", nullValue())
                .body("items[0].riskAcceptance.justification", nullValue());
        as(Roles.VENDOR, vendor).accept("application/json").get("/api/v1/assessments/{id}/report", id).then().statusCode(200)
                .body("findings[0].riskAcceptance.justification", nullValue());
        as(Roles.AUDITOR, vendor).get(findingPath).then().statusCode(200)
                .body("riskAcceptance.justification", nullValue());
        as(Roles.PROCUREMENT, hospital).get(findingPath).then().statusCode(200)
                .body("riskAcceptance.approver", equalTo("Dr. Sato, CISO"))
                .body("riskAcceptance.justification", equalTo("compensating control"));
        as(Roles.AUDITOR, hospital).accept("application/json").get("/api/v1/assessments/{id}/report", id).then().statusCode(200)
                .body("findings[0].riskAcceptance.justification", equalTo("compensating control"));

        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", id).then()
                .body("result.verdict", equalTo("CONDITIONAL"))
                .body("result.openMandatoryGaps", equalTo(0))
                .body("result.acceptedMandatoryGaps", equalTo(1));
        List<JsonNode> changed = await().atMost(Duration.ofSeconds(20)).until(
                () -> Fixtures.published(contract, "org.sansho.assessment.verdict-changed.v1"), l -> l.size() == 1);
        assertThat(changed.get(0).path("data").path("verdict").asText()).isEqualTo("CONDITIONAL");
        assertThat(changed.get(0).path("data").path("acceptedMandatoryGaps").asInt()).isEqualTo(1);
        assertThat(Fixtures.published(contract, "org.sansho.assessment.finding.opened.v1")).hasSize(1);

        // A second acceptance of the same finding is refused.
        as(Roles.PROCUREMENT, hospital).body(Map.of("approver", "x", "justification", "y",
                "expiresOn", LocalDate.now().plusMonths(1).toString()))
                .post(findingPath + "/risk-acceptance").then().statusCode(409);
    }

    @Test
    void two_concurrent_completions_have_one_winner_and_one_completed_event() throws Exception {
        UUID id = seed();
        for (String key : List.of("M-1", "M-2", "R-1")) {
            answer(id, key, implemented()).statusCode(200);
        }
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
        for (String key : List.of("M-1", "M-2", "R-1")) {
            evaluate(id, key, "CONFORMANT", null).statusCode(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            java.util.concurrent.Callable<Integer> complete = () -> {
                start.await();
                return as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).statusCode();
            };
            var a = pool.submit(complete);
            var b = pool.submit(complete);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", id).then()
                .body("result.verdict", equalTo("ACCEPTABLE")).body("result.score", equalTo(100.0f));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.completed.v1").size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.completed.v1").size() == 1);
    }

    @Test
    void first_answers_sent_together_all_succeed_and_move_the_assessment_once() throws Exception {
        UUID id = seed();
        List<String> keys = List.of("M-1", "M-2", "R-1");
        Map<String, String> tags = new HashMap<>();
        keys.forEach(key -> tags.put(key, etag(id, key)));
        ExecutorService pool = Executors.newFixedThreadPool(keys.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String key : keys) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(Roles.VENDOR, vendor).header("If-Match", tags.get(key)).body(implemented())
                            .put("/api/v1/assessments/{id}/items/{key}/response", id, key).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            // Three answers to three items: nobody's change collides with another's.
            assertThat(statuses).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", id).then()
                .body("status", equalTo("VENDOR_RESPONDING"));
        for (String key : keys) {
            as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, key).then()
                    .body("response.status", equalTo("IMPLEMENTED"));
        }
    }

    @Test
    void updates_need_a_current_if_match_and_bad_input_changes_nothing() {
        UUID id = seed();
        as(Roles.VENDOR, vendor).body(implemented()).put("/api/v1/assessments/{id}/items/M-1/response", id)
                .then().statusCode(428).contentType("application/problem+json");
        as(Roles.VENDOR, vendor).header("If-Match", "\"99\"").body(implemented())
                .put("/api/v1/assessments/{id}/items/M-1/response", id).then().statusCode(412);
        answer(id, "M-1", Map.of("status", "NOT_APPLICABLE")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("justification"));
        answer(id, "M-1", Map.of("status", "MAYBE")).statusCode(400).contentType("application/problem+json");
        answer(id, "M-1", Map.of("status", "IMPLEMENTED", "evidence", List.of(Map.of("name", "x", "hash", "md5:1"))))
                .statusCode(400).contentType("application/problem+json");
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/M-1", id).then().statusCode(200)
                .body("response", nullValue()).header("ETag", notNullValue());
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", id).then().body("status", equalTo("OPEN"));
        // A stale tag after a successful answer.
        String before = etag(id, "M-1");
        answer(id, "M-1", implemented()).statusCode(200);
        as(Roles.VENDOR, vendor).header("If-Match", before).body(implemented())
                .put("/api/v1/assessments/{id}/items/M-1/response", id).then().statusCode(412);
    }

    @Test
    void another_organizations_assessment_is_not_found_and_lists_show_only_the_callers_own() {
        UUID id = seed();
        UUID stranger = UUID.randomUUID();
        as(Roles.VENDOR, stranger).get("/api/v1/assessments/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.PROCUREMENT, stranger).get("/api/v1/assessments/{id}/items", id).then().statusCode(404);
        as(Roles.AUDITOR, stranger).get("/api/v1/assessments/{id}", id).then().statusCode(404);
        as(Roles.VENDOR, stranger).header("If-Match", "\"0\"").body(implemented())
                .put("/api/v1/assessments/{id}/items/M-1/response", id).then().statusCode(404);
        as(Roles.AUDITOR, hospital).get("/api/v1/assessments/{id}", id).then().statusCode(200);
        // A procurement user answers nothing.
        as(Roles.PROCUREMENT, hospital).header("If-Match", "\"0\"").body(implemented())
                .put("/api/v1/assessments/{id}/items/M-1/response", id).then().statusCode(403);

        as(Roles.VENDOR, vendor).get("/api/v1/assessments").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id.toString()));
        as(Roles.VENDOR, stranger).get("/api/v1/assessments").then().statusCode(200).body("totalItems", equalTo(0));
        as(Roles.PROCUREMENT, hospital).queryParam("phase", "PRE_CONTRACT").queryParam("status", "OPEN")
                .get("/api/v1/assessments").then().body("totalItems", equalTo(1));
        as(Roles.PROCUREMENT, hospital).queryParam("status", "NOPE").get("/api/v1/assessments").then()
                .statusCode(400).contentType(containsString("problem+json"));
        as(Roles.PROCUREMENT, hospital).queryParam("size", "500").get("/api/v1/assessments").then().statusCode(400);
        io.restassured.RestAssured.get("/api/v1/assessments").then().statusCode(401);
    }

    private static Map<String, Object> finding(String key, int likelihood, int impact, String treatment,
                                               List<String> measures) {
        return Map.of("requirementKey", key, "owner", "vendor security officer",
                "dueDate", LocalDate.now().plusDays(60).toString(), "likelihood", likelihood,
                "impact", Map.of("confidentiality", impact, "integrity", 1, "availability", 1),
                "treatment", treatment, "measures", measures);
    }
}
