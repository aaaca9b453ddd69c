package org.sansho.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Before signing (2省GL §3.2.1): the disclosure request opens the pre-contract assessment, the vendor answers,
 * the hospital reviews, and the verdict travels back to the contract-service, which refuses AGREED while a
 * mandatory gap is open and allows it once the gap is risk-accepted by a named approver.
 */
class PreContractAgreementIT {

    private final Suite suite = Suite.get();

    @Test
    void an_unacceptable_verdict_blocks_agreement_until_the_gap_is_risk_accepted() {
        Suite.Parties p = suite.parties();
        UUID contractId = suite.openContract(p);
        suite.transition(p, contractId, "DISCLOSURE_REQUESTED");

        String assessmentId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Suite.as(suite.assessment, "procurement", p.hospital()).queryParam("contract", contractId)
                                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath(),
                        a -> a.getInt("totalItems") == 1 && "OPEN".equals(a.getString("items[0].status")))
                .getString("items[0].id");
        List<Map<String, Object>> items = items(p, assessmentId);
        assertThat(items).isNotEmpty();
        String gap = items.stream().filter(i -> "MANDATORY".equals(i.get("obligation")))
                .map(i -> (String) i.get("key")).findFirst().orElseThrow();

        for (Map<String, Object> item : items) {
            String key = (String) item.get("key");
            Map<String, Object> answer = key.equals(gap) ? Map.of("status", "NOT_IMPLEMENTED", "statement", "planned")
                    : Map.of("status", "IMPLEMENTED", "statement", "in place", "evidence",
                    List.of(Map.of("name", "ISMS certificate", "uri", "https://vendor.example/isms.pdf")));
            Suite.as(suite.assessment, "vendor", p.vendor()).header("If-Match", itemTag(p.vendor(), "vendor", assessmentId, key))
                    .body(answer).put("/api/v1/assessments/{id}/items/{key}/response", assessmentId, key)
                    .then().statusCode(200);
        }
        Suite.as(suite.assessment, "vendor", p.vendor()).post("/api/v1/assessments/{id}/submit", assessmentId)
                .then().statusCode(200);
        suite.shareUnderstanding(p, contractId);
        suite.transition(p, contractId, "UNDER_ASSESSMENT");

        for (Map<String, Object> item : items) {
            String key = (String) item.get("key");
            Map<String, Object> evaluation = key.equals(gap)
                    ? Map.of("evaluation", "NONCONFORMANT", "comment", "not implemented")
                    : Map.of("evaluation", "CONFORMANT");
            Suite.as(suite.assessment, "procurement", p.hospital())
                    .header("If-Match", itemTag(p.hospital(), "procurement", assessmentId, key))
                    .body(evaluation).put("/api/v1/assessments/{id}/items/{key}/evaluation", assessmentId, key)
                    .then().statusCode(200);
        }
        Suite.as(suite.assessment, "procurement", p.hospital()).post("/api/v1/assessments/{id}/complete", assessmentId)
                .then().statusCode(200);
        assertThat(assessment(p, assessmentId).getString("result.verdict")).isEqualTo("UNACCEPTABLE");

        // Once the verdict has travelled, the contract refuses AGREED and names the guard. (Allow for a consumer
        // group failover: another test may just have killed and restarted the contract-service.)
        await().atMost(Duration.ofSeconds(60)).until(() -> verdictKnownToContract(p, contractId));
        JsonPath refused = agree(p, contractId, 409);
        assertThat(refused.getList("guards")).isNotEmpty();
        assertThat(contractState(p, contractId)).isEqualTo("UNDER_ASSESSMENT");

        String location = Suite.as(suite.assessment, "procurement", p.hospital())
                .body(Map.of("requirementKey", gap, "owner", "vendor security officer",
                        "dueDate", LocalDate.now().plusDays(60).toString(), "likelihood", 2,
                        "impact", Map.of("confidentiality", 3, "integrity", 2, "availability", 2),
                        "treatment", "REDUCE", "measures", List.of("implement before go-live")))
                .post("/api/v1/assessments/{id}/findings", assessmentId).then().statusCode(201)
                .extract().header("Location");
        Suite.as(suite.assessment, "procurement", p.hospital())
                .body(Map.of("approver", "Dr. Sato, CISO", "justification", "compensating control until go-live",
                        "expiresOn", LocalDate.now().plusMonths(6).toString()))
                .post(location.substring(location.indexOf("/api/v1/")) + "/risk-acceptance").then().statusCode(201);
        assertThat(assessment(p, assessmentId).getString("result.verdict")).isEqualTo("CONDITIONAL");

        // The changed verdict reaches the contract-service, and with the responsibility split agreed AGREED is allowed.
        suite.agreeOnResponsibilitySplit(p, contractId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                Suite.as(suite.contract, "procurement", p.hospital())
                        .body(Map.of("to", "AGREED", "reason", "gap risk-accepted"))
                        .post("/api/v1/contracts/" + contractId + "/transitions").statusCode() == 200);
        assertThat(contractState(p, contractId)).isEqualTo("AGREED");
    }

    private List<Map<String, Object>> items(Suite.Parties p, String assessmentId) {
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

    private String itemTag(UUID org, String role, String assessmentId, String key) {
        return Suite.as(suite.assessment, role, org).get("/api/v1/assessments/{id}/items/{key}", assessmentId, key)
                .then().statusCode(200).extract().header("ETag");
    }

    private JsonPath assessment(Suite.Parties p, String assessmentId) {
        return Suite.as(suite.assessment, "procurement", p.hospital()).get("/api/v1/assessments/{id}", assessmentId)
                .then().statusCode(200).extract().jsonPath();
    }

    private boolean verdictKnownToContract(Suite.Parties p, UUID contractId) {
        JsonPath refusal = agree(p, contractId, 409);
        return refusal.prettify().contains("UNACCEPTABLE");
    }

    private JsonPath agree(Suite.Parties p, UUID contractId, int expected) {
        return Suite.as(suite.contract, "procurement", p.hospital()).body(Map.of("to", "AGREED", "reason", "sign"))
                .post("/api/v1/contracts/" + contractId + "/transitions").then().statusCode(expected)
                .contentType("application/problem+json").extract().jsonPath();
    }

    private String contractState(Suite.Parties p, UUID contractId) {
        return Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + contractId)
                .then().statusCode(200).extract().path("state");
    }
}
