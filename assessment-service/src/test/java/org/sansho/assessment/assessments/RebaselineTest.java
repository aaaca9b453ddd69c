package org.sansho.assessment.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.CatalogTestResource;
import org.sansho.assessment.Fixtures;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.assessment.Fixtures.as;

/**
 * A new catalog version, published for real by the running catalog-service, makes an open assessment STALE; the
 * re-baseline keeps the answers of unchanged requirements and asks again for the changed one.
 */
@QuarkusTest
class RebaselineTest {


    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    /** A guideline of this test alone, so that its versions and keys meet no other test's. */
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String guideline = "rebaseline-test-" + suffix;

    private static RequestSpecification catalogAdmin() {
        return RestAssured.given().baseUri(CatalogTestResource.catalog().baseUrl())
                .auth().oauth2(TestTokens.token(Roles.CATALOG_ADMIN)).contentType("application/json");
    }

    private JsonNode assessment(UUID id) {
        return Fixtures.read(as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", id).then()
                .statusCode(200).extract().asString());
    }

    private void answer(UUID id, String key) {
        String tag = as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, key).then()
                .statusCode(200).extract().header("ETag");
        as(Roles.VENDOR, vendor).header("If-Match", tag).body(Map.of("status", "IMPLEMENTED", "statement", "done"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then().statusCode(200);
    }

    /**
     * Makes sure the draft holds every section and requirement of the previous version: the draft is created with
     * copyFromCurrent, and each part is put again (a replace when the copy already holds it), so the test does
     * not depend on how the catalog build copies.
     */
    private void copyContent(String from, String to) {
        JsonNode version = Fixtures.read(catalogAdmin().get("/api/v1/guidelines/{g}/versions/{v}", guideline, from)
                .then().statusCode(200).extract().asString());
        for (JsonNode section : version.path("sections")) {
            catalogAdmin().body(section.toString())
                    .put("/api/v1/guidelines/{g}/versions/{v}/sections/{n}", guideline, to,
                            section.path("number").asText())
                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(204)));
        }
        JsonNode requirements = Fixtures.read(catalogAdmin().queryParam("size", 100)
                .get("/api/v1/guidelines/{g}/versions/{v}/requirements", guideline, from)
                .then().statusCode(200).extract().asString());
        for (JsonNode r : requirements.path("items")) {
            catalogAdmin().body(r.toString())
                    .put("/api/v1/guidelines/{g}/versions/{v}/requirements/{k}", guideline, to, r.path("key").asText())
                    .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(204)));
        }
    }

    private Map<String, Object> requirement(String key, String obligation, String party, String title) {
        Map<String, String> text = Map.of("ja", "要求 " + title, "en", title);
        return Map.of("sectionNumber", "1", "ref", "§1 " + key, "title", text, "summary", text,
                "obligation", obligation, "category", "GOVERNANCE", "phases", List.of("PRE_CONTRACT"),
                "party", party,
                "citation", Map.of("document", "Test guideline", "version", "1", "section", "1", "page", 1),
                "verification", "VERIFIED");
    }

    private String key(int n) {
        return "TR" + suffix + "-" + n;
    }

    private void putRequirement(String version, String key, Map<String, Object> body) {
        catalogAdmin().body(body).put("/api/v1/guidelines/{g}/versions/{v}/requirements/{k}", guideline, version, key)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(204)));
    }

    /** Version 1 of the test guideline: three requirements a vendor answers before signing, one it does not. */
    private void publishVersionOne() {
        catalogAdmin().body(Map.of("id", guideline, "issuer", "METI_MIC", "audience", "VENDOR",
                        "title", Map.of("ja", "再基準化テスト", "en", "Rebaseline test")))
                .post("/api/v1/guidelines").then().statusCode(201);
        catalogAdmin().body(Map.of("version", "1")).post("/api/v1/guidelines/{g}/versions", guideline)
                .then().statusCode(201);
        catalogAdmin().body(Map.of("title", Map.of("ja", "総則", "en", "General")))
                .put("/api/v1/guidelines/{g}/versions/1/sections/1", guideline).then().statusCode(201);
        putRequirement("1", key(1), requirement(key(1), "MANDATORY", "VENDOR", "Disclose the data location"));
        putRequirement("1", key(2), requirement(key(2), "RECOMMENDED", "VENDOR", "Have a third-party audit"));
        putRequirement("1", key(3), requirement(key(3), "MANDATORY", "SHARED", "Agree the role split"));
        putRequirement("1", key(9), requirement(key(9), "MANDATORY", "HOSPITAL", "Check the vendor"));
        catalogAdmin().body(Map.of()).post("/api/v1/guidelines/{g}/versions/1/publish", guideline)
                .then().statusCode(200);
    }

    @Test
    void a_superseding_version_marks_the_assessment_stale_and_the_rebaseline_keeps_unchanged_answers() {
        publishVersionOne();
        List<Map<String, String>> baseline = List.of(Map.of("guidelineId", guideline, "version", "1"));
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), "org.sansho.contract.state-changed.v1",
                contract.toString(), Fixtures.stateChanged(contract, hospital, vendor, "DRAFT",
                        "DISCLOSURE_REQUESTED", "PRE_CONTRACT", baseline));
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", contract.toString(), value))
                .awaitCompletion();
        UUID id = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = Fixtures.read(as(Roles.PROCUREMENT, hospital).queryParam("contract", contract)
                    .queryParam("status", "OPEN").get("/api/v1/assessments").then().extract().asString());
            return page.path("totalItems").asInt() == 1 ? UUID.fromString(page.path("items").get(0).path("id").asText())
                    : null;
        }, java.util.Objects::nonNull);
        List<String> keys = AssessmentOpeningTest.itemKeys(id, hospital);
        // The hospital's own duty is not the vendor's to answer.
        assertThat(keys).containsExactly(key(1), key(2), key(3));
        String changed = key(1);
        String unchanged = key(2);
        answer(id, changed);
        answer(id, unchanged);

        // The catalog admin drafts version 2 as a copy of 1, rewrites one requirement, adds one and publishes.
        catalogAdmin().body(Map.of("version", "2", "copyFromCurrent", true))
                .post("/api/v1/guidelines/{g}/versions", guideline).then().statusCode(201);
        copyContent("1", "2");
        String rewritten = "Disclose the data location and the governing law";
        putRequirement("2", key(1), requirement(key(1), "MANDATORY", "VENDOR", rewritten));
        putRequirement("2", key(4), requirement(key(4), "MANDATORY", "VENDOR", "Keep offline backups"));
        catalogAdmin().body(Map.of()).post("/api/v1/guidelines/{g}/versions/2/publish", guideline)
                .then().statusCode(200);

        List<JsonNode> publications = await().atMost(Duration.ofSeconds(30)).until(() ->
                org.sansho.testsupport.TopicRecords.forKey("catalog.events", guideline).stream()
                        .map(r -> Fixtures.read(r.value()))
                        .filter(e -> "org.sansho.catalog.guideline-version.published.v1".equals(e.path("type").asText())
                                && "2".equals(e.path("data").path("version").asText()))
                        .toList(), l -> !l.isEmpty());
        assertThat(publications.get(0).path("data").toString()).as("the published event").contains("\"changedKeys\":[\"" + changed);
        await().atMost(Duration.ofSeconds(30)).until(() -> "STALE".equals(assessment(id).path("status").asText()));
        JsonNode stale = assessment(id).path("stale");
        assertThat(stale.path("superseded").path("version").asText()).isEqualTo("1");
        assertThat(stale.path("by").path("version").asText()).isEqualTo("2");
        List<JsonNode> staleEvents = await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.stale.v1"), l -> l.size() == 1);
        assertThat(staleEvents.get(0).path("data").path("assessmentId").asText()).isEqualTo(id.toString());
        // A stale assessment takes no answers until it is re-baselined.
        String tag = as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, unchanged).then()
                .extract().header("ETag");
        as(Roles.VENDOR, vendor).header("If-Match", tag).body(Map.of("status", "PARTIAL"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, unchanged).then().statusCode(409);

        // Preview: the changed key is named, the rest kept, nothing is written.
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/rebaseline?preview=true", id).then()
                .statusCode(200).body("changed", equalTo(List.of(changed))).body("added", equalTo(List.of(key(4))))
                .body("kept", equalTo(List.of(key(2), key(3)))).body("removed", equalTo(List.of()))
                .body("baseline[0].version", equalTo("2"));
        assertThat(assessment(id).path("status").asText()).isEqualTo("STALE");
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, changed).then()
                .body("response.status", equalTo("IMPLEMENTED"));
        // Only the hospital's reviewer re-baselines.
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/rebaseline?preview=false", id).then().statusCode(403);

        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/rebaseline?preview=false", id).then()
                .statusCode(200).body("changed", equalTo(List.of(changed)));
        JsonNode after = assessment(id);
        assertThat(after.path("status").asText()).isEqualTo("VENDOR_RESPONDING");
        assertThat(after.path("baseline").get(0).path("version").asText()).isEqualTo("2");
        assertThat(after.path("stale").isMissingNode() || after.path("stale").isNull()).isTrue();
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, changed).then()
                .body("response", nullValue()).body("guidelineVersion", equalTo("2"))
                .body("title.en", equalTo(rewritten));
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, unchanged).then()
                .body("response.status", equalTo("IMPLEMENTED")).body("guidelineVersion", equalTo("2"));
        assertThat(AssessmentOpeningTest.itemKeys(id, hospital)).containsExactly(key(1), key(2), key(3), key(4));
        // Applying twice is refused: it is no longer stale.
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/rebaseline?preview=false", id).then()
                .statusCode(409);
    }
}
