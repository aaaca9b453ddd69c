package org.sansho.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A vendor contact without an account answers the pre-contract assessment through a respondent link (2省GL §3.2.1,
 * the vendor's part of the shared understanding): the hospital invites the contact in the contract-service, the
 * one-time link is exchanged there for a short-lived token scoped to the contract, and the assessment-service, a
 * process of its own, lets that token read and answer the contract's assessment and do nothing else, until the
 * hospital revokes the invitation.
 */
class RespondentLinkIT {

    private final Suite suite = Suite.get();

    @Test
    void a_respondent_link_answers_the_contracts_assessment_in_the_assessment_service_and_nothing_else() {
        Suite.Parties p = suite.parties();
        UUID contractId = suite.openContract(p);
        UUID otherContract = suite.openContract(p);
        suite.transition(p, contractId, "DISCLOSURE_REQUESTED");
        suite.transition(p, otherContract, "DISCLOSURE_REQUESTED");
        String assessmentId = openAssessment(p, contractId);
        String otherAssessment = openAssessment(p, otherContract);

        Response invited = Suite.as(suite.contract, "procurement", p.hospital())
                .body(Map.of("contactEmail", "assessor@vendor.example", "scope", "ASSESSMENT", "validForDays", 3))
                .post("/api/v1/contracts/{id}/respondent-invitations", contractId);
        invited.then().statusCode(201).body("scope", equalTo("ASSESSMENT"));
        String link = invited.path("token");
        String invitation = invited.path("id");
        String bearer = exchange(link).then().statusCode(200).extract().path("accessToken");

        // Reading: the list filtered to the token's contract, the assessment and its items.
        scoped(bearer).queryParam("contract", contractId).get("/api/v1/assessments").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(assessmentId));
        List<Map<String, Object>> items = scoped(bearer).queryParam("size", 100)
                .get("/api/v1/assessments/{id}/items", assessmentId).then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertThat(items).isNotEmpty();
        String key = (String) items.get(0).get("key");

        // Answering one item, with the item's ETag as every answer needs.
        String tag = scoped(bearer).get("/api/v1/assessments/{id}/items/{key}", assessmentId, key).then()
                .statusCode(200).extract().header("ETag");
        scoped(bearer).header("If-Match", tag).body(Map.of("status", "IMPLEMENTED", "statement",
                        "answered through a respondent link"))
                .put("/api/v1/assessments/{id}/items/{key}/response", assessmentId, key).then().statusCode(200);
        // The hospital sees the answer as the vendor's.
        Suite.as(suite.assessment, "procurement", p.hospital())
                .get("/api/v1/assessments/{id}/items/{key}", assessmentId, key).then().statusCode(200)
                .body("response.statement", equalTo("answered through a respondent link"));

        // Nothing else: submitting stays with the vendor's own accounts, another contract's assessment is not there.
        scoped(bearer).post("/api/v1/assessments/{id}/submit", assessmentId).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://sansho.dev/problems/outside-token-scope"));
        scoped(bearer).get("/api/v1/assessments/{id}", otherAssessment).then().statusCode(404)
                .contentType("application/problem+json");
        scoped(bearer).queryParam("contract", otherContract).get("/api/v1/assessments").then().statusCode(404);
        // Nor anything in the contract-service.
        scoped(bearer).baseUri(suite.contract.baseUrl()).get("/api/v1/contracts/{id}", contractId).then()
                .statusCode(403);

        // The link was for one exchange.
        exchange(link).then().statusCode(410);

        // The hospital revokes the invitation in the contract-service; its revocation event reaches the
        // assessment-service, which refuses the token from then on, long before the token would expire.
        Suite.as(suite.contract, "procurement", p.hospital())
                .post("/api/v1/contracts/{id}/respondent-invitations/{invitation}/revocation", contractId, invitation)
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                scoped(bearer).get("/api/v1/assessments/{id}", assessmentId).then().statusCode(401)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://sansho.dev/problems/token-revoked")));
        String again = scoped(bearer).get("/api/v1/assessments/{id}/items/{key}", assessmentId, key).then()
                .statusCode(401).extract().path("type");
        assertThat(again).isEqualTo("https://sansho.dev/problems/token-revoked");
        // The vendor's own accounts are untouched by it.
        Suite.as(suite.assessment, "vendor", p.vendor()).get("/api/v1/assessments/{id}", assessmentId).then()
                .statusCode(200);
    }

    private String openAssessment(Suite.Parties p, UUID contractId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Suite.as(suite.assessment, "procurement", p.hospital()).queryParam("contract", contractId)
                                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath(),
                        a -> a.getInt("totalItems") == 1 && "OPEN".equals(a.getString("items[0].status")))
                .getString("items[0].id");
    }

    private Response exchange(String link) {
        return RestAssured.given().baseUri(suite.contract.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("token", link)).post("/api/v1/respondent-links/exchange");
    }

    private RequestSpecification scoped(String bearer) {
        return RestAssured.given().baseUri(suite.assessment.baseUrl()).auth().oauth2(bearer)
                .contentType(ContentType.JSON);
    }
}
