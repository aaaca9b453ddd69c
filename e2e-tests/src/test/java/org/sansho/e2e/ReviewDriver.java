package org.sansho.e2e;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The vendor's and the hospital's part of an assessment of one contract, through the assessment-service API. */
final class ReviewDriver {

    private final Suite suite;
    private final Suite.Parties p;
    private final UUID contractId;

    ReviewDriver(Suite suite, Suite.Parties parties, UUID contractId) {
        this.suite = suite;
        this.p = parties;
        this.contractId = contractId;
    }

    /** Waits until the assessment-service has opened the contract's assessment of this phase; its id. */
    String awaitOpened(String phase) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Suite.as(suite.assessment, "procurement", p.hospital()).queryParam("contract", contractId)
                        .queryParam("phase", phase).get("/api/v1/assessments").then().statusCode(200)
                        .extract().jsonPath(), a -> a.getInt("totalItems") == 1
                        && "OPEN".equals(a.getString("items[0].status")))
                .getString("items[0].id");
    }

    List<Map<String, Object>> items(String assessmentId) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath json = Suite.as(suite.assessment, "vendor", p.vendor()).queryParam("size", 100).queryParam("page", page)
                    .get("/api/v1/assessments/{id}/items", assessmentId).then().statusCode(200).extract().jsonPath();
            all.addAll(json.getList("items"));
            if (page + 1 >= json.getInt("totalPages")) {
                return all;
            }
        }
    }

    List<String> itemKeys(String assessmentId) {
        return items(assessmentId).stream().map(i -> (String) i.get("key")).toList();
    }

    /** The vendor answers every item not answered yet (answers carried forward from an earlier review stay). */
    void answerAll(String assessmentId) {
        for (Map<String, Object> item : items(assessmentId)) {
            if (item.get("response") == null) {
                answer(assessmentId, (String) item.get("key"), Map.of("status", "IMPLEMENTED", "statement", "in place",
                        "evidence", List.of(Map.of("name", "ISMS certificate", "uri", "https://vendor.example/isms.pdf"))));
            }
        }
    }

    void answer(String assessmentId, String key, Map<String, Object> answer) {
        Suite.as(suite.assessment, "vendor", p.vendor()).header("If-Match", tag("vendor", p.vendor(), assessmentId, key))
                .body(answer).put("/api/v1/assessments/{id}/items/{key}/response", assessmentId, key)
                .then().statusCode(200);
    }

    void submit(String assessmentId) {
        Suite.as(suite.assessment, "vendor", p.vendor()).post("/api/v1/assessments/{id}/submit", assessmentId)
                .then().statusCode(200);
    }

    void evaluateAll(String assessmentId) {
        for (Map<String, Object> item : items(assessmentId)) {
            String key = (String) item.get("key");
            Suite.as(suite.assessment, "procurement", p.hospital())
                    .header("If-Match", tag("procurement", p.hospital(), assessmentId, key))
                    .body(Map.of("evaluation", "CONFORMANT"))
                    .put("/api/v1/assessments/{id}/items/{key}/evaluation", assessmentId, key).then().statusCode(200);
        }
    }

    /** Completes the assessment; its verdict. */
    String complete(String assessmentId) {
        return Suite.as(suite.assessment, "procurement", p.hospital())
                .post("/api/v1/assessments/{id}/complete", assessmentId).then().statusCode(200)
                .extract().path("result.verdict");
    }

    /** Waits until the contract-service's read model holds this verdict for the phase. */
    void awaitVerdictKnownToContract(String phase, String verdict) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + contractId + "/assessments")
                        .then().statusCode(200).body("find { it.phase == '" + phase + "' }.verdict", equalTo(verdict)));
    }

    JsonPath assessment(String assessmentId) {
        return Suite.as(suite.assessment, "procurement", p.hospital()).get("/api/v1/assessments/{id}", assessmentId)
                .then().statusCode(200).extract().jsonPath();
    }

    private String tag(String role, UUID org, String assessmentId, String key) {
        return Suite.as(suite.assessment, role, org).get("/api/v1/assessments/{id}/items/{key}", assessmentId, key)
                .then().statusCode(200).extract().header("ETag");
    }
}
