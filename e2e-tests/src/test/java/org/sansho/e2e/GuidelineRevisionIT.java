package org.sansho.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A guideline revision published by the catalog in the middle of a contract (合意の維持, 2省GL §3.2.2): the
 * contract-service flags the contract for re-agreement, the assessment-service marks the open assessment STALE,
 * the hospital re-baselines it (answers of unchanged requirements kept, the changed one asked again), the review
 * finishes on the new version, and the re-agreement case closes once both sides consent (moving the baseline on does
 * not close it alone).
 */
class GuidelineRevisionIT {

    private final Suite suite = Suite.get();

    @Test
    void a_revision_mid_contract_flags_re_agreement_and_makes_the_open_assessment_stale_until_re_baselined() {
        String g = "e2e-revision-" + UUID.randomUUID().toString().substring(0, 8);
        String changed = Suite.key(g, "location");
        String unchanged = Suite.key(g, "audit");
        String added = Suite.key(g, "backup");
        suite.publishGuideline(g, "1", Map.of(
                changed, Suite.requirement("MANDATORY", "VENDOR", List.of("PRE_CONTRACT"), "Disclose the data location"),
                unchanged, Suite.requirement("RECOMMENDED", "VENDOR", List.of("PRE_CONTRACT"), "Have a third-party audit")));
        Suite.Parties p = suite.parties();
        UUID id = suite.openContract(p, List.of(Map.of("guidelineId", g, "version", "1")));
        ReviewDriver review = new ReviewDriver(suite, p, id);
        suite.transition(p, id, "DISCLOSURE_REQUESTED");
        String assessmentId = review.awaitOpened("PRE_CONTRACT");
        review.answerAll(assessmentId);
        assertThat(contract(p, id).getBoolean("reagreementRequired")).isFalse();

        // The catalog publishes version 2: one requirement rewritten, one added, one unchanged.
        suite.publishGuideline(g, "2", Map.of(
                changed, Suite.requirement("MANDATORY", "VENDOR", List.of("PRE_CONTRACT"),
                        "Disclose the data location and the governing law"),
                unchanged, Suite.requirement("RECOMMENDED", "VENDOR", List.of("PRE_CONTRACT"), "Have a third-party audit"),
                added, Suite.requirement("MANDATORY", "VENDOR", List.of("PRE_CONTRACT"), "Keep offline backups")));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> contract(p, id).getBoolean("reagreementRequired"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "STALE".equals(review.assessment(assessmentId).getString("status")));
        JsonPath stale = review.assessment(assessmentId);
        assertThat(stale.getString("stale.superseded.version")).isEqualTo("1");
        assertThat(stale.getString("stale.by.version")).isEqualTo("2");

        Suite.as(suite.assessment, "procurement", p.hospital())
                .post("/api/v1/assessments/{id}/rebaseline?preview=true", assessmentId).then().statusCode(200)
                .body("changed", equalTo(List.of(changed))).body("added", equalTo(List.of(added)))
                .body("kept", equalTo(List.of(unchanged)));
        assertThat(review.assessment(assessmentId).getString("status")).isEqualTo("STALE");
        Suite.as(suite.assessment, "procurement", p.hospital())
                .post("/api/v1/assessments/{id}/rebaseline?preview=false", assessmentId).then().statusCode(200);
        JsonPath rebased = review.assessment(assessmentId);
        assertThat(rebased.getString("status")).isEqualTo("VENDOR_RESPONDING");
        assertThat(rebased.getString("baseline[0].version")).isEqualTo("2");
        List<Map<String, Object>> items = review.items(assessmentId);
        assertThat(items).extracting(i -> i.get("key") + " " + (i.get("response") != null))
                .containsExactlyInAnyOrder(changed + " false", unchanged + " true", added + " false");

        // The review finishes on version 2 and the contract's baseline moves on; the re-agreement closes only once
        // both sides have consented.
        review.answerAll(assessmentId);
        review.submit(assessmentId);
        suite.shareUnderstanding(p, id);
        suite.transition(p, id, "UNDER_ASSESSMENT");
        review.evaluateAll(assessmentId);
        assertThat(review.complete(assessmentId)).isEqualTo("ACCEPTABLE");
        String etag = Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .statusCode(200).extract().header("ETag");
        Suite.as(suite.contract, "procurement", p.hospital()).header("If-Match", etag)
                .body(Map.of("baseline", List.of(Map.of("guidelineId", g, "version", "2"))))
                .patch("/api/v1/contracts/" + id).then().statusCode(200).body("reagreementRequired", equalTo(true));
        String caseId = Suite.as(suite.contract, "procurement", p.hospital())
                .get("/api/v1/contracts/" + id + "/reagreements").then().statusCode(200)
                .body("items[0].changedKeys", equalTo(List.of(changed)))
                .body("items[0].addedKeys", equalTo(List.of(added))).extract().path("items[0].id");
        Suite.as(suite.contract, "procurement", p.hospital())
                .post("/api/v1/contracts/" + id + "/reagreements/" + caseId + "/consent").then().statusCode(200);
        Suite.as(suite.contract, "vendor", p.vendor())
                .post("/api/v1/contracts/" + id + "/reagreements/" + caseId + "/consent").then().statusCode(200);
        assertThat(contract(p, id).getBoolean("reagreementRequired")).isFalse();
        review.awaitVerdictKnownToContract("PRE_CONTRACT", "ACCEPTABLE");
        suite.transition(p, id, "AGREED");

        List<String> contractEvents = types(Suite.CONTRACT_EVENTS, id);
        List<String> assessmentEvents = types(Suite.ASSESSMENT_EVENTS, id);
        assertThat(contractEvents.stream().filter(t -> t.endsWith("reagreement-required.v1"))).hasSize(1);
        assertThat(contractEvents.stream().filter(t -> t.endsWith("reagreement-concluded.v1"))).hasSize(1);
        assertThat(contractEvents.stream().filter(t -> t.endsWith("amended.v1"))).hasSize(1);
        assertThat(assessmentEvents).containsExactly("org.sansho.assessment.opened.v1", "org.sansho.assessment.stale.v1",
                "org.sansho.assessment.submitted.v1", "org.sansho.assessment.completed.v1");
        System.out.printf("guideline revision: lifecycles 1, events published %d (contract %d, assessment %d), "
                + "re-agreement flagged 1, stale 1, lost 0, duplicated 0%n", contractEvents.size() + assessmentEvents.size(),
                contractEvents.size(), assessmentEvents.size());
    }

    private List<String> types(String topic, UUID id) {
        return suite.records(topic, id.toString()).stream().map(r -> Tally.json(r.value()).path("type").asText()).toList();
    }

    private JsonPath contract(Suite.Parties p, UUID id) {
        return Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .statusCode(200).extract().jsonPath();
    }
}
