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

    private String etag(UUID id, String key) {
        return as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, key).then().statusCode(200)
                .extract().header("ETag");
    }

    private JsonNode item(UUID id, String key) {
        return Fixtures.read(as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, key).then()
                .statusCode(200).extract().asString());
    }

    private void addMapping(String version, String from, String to, String relation) {
        catalogAdmin().body(Map.of("from", from, "to", to, "relation", relation, "basis", "EXPERT",
                        "confidence", "HIGH", "rationale", Map.of("ja", "試験用の対応", "en", "A test correspondence")))
                .post("/api/v1/guidelines/{g}/versions/{v}/mappings", guideline, version).then().statusCode(201);
    }

    private void sendSplit(List<Map<String, Object>> items) {
        Map<String, Object> data = new java.util.HashMap<>();
        data.put("contractId", contract.toString());
        data.put("hospitalId", hospital.toString());
        data.put("vendorId", vendor.toString());
        data.put("serviceModel", "SAAS");
        data.put("baseline", List.of(Map.of("guidelineId", guideline, "version", "1")));
        data.put("dataCategories", List.of("OTHER_PERSONAL_HEALTH_INFO"));
        data.put("templateId", "role-sharing-checklist-2024");
        data.put("items", items);
        data.put("acknowledged", false);
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(),
                "org.sansho.contract.responsibility-split-changed.v1", contract.toString(), data);
        ProducerRecord<String, String> record = new ProducerRecord<>("contract.events", contract.toString(), value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private UUID openAssessment() {
        List<Map<String, String>> baseline = List.of(Map.of("guidelineId", guideline, "version", "1"));
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), "org.sansho.contract.state-changed.v1",
                contract.toString(), Fixtures.stateChanged(contract, hospital, vendor, "DRAFT",
                        "DISCLOSURE_REQUESTED", "PRE_CONTRACT", baseline));
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", contract.toString(), value))
                .awaitCompletion();
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = Fixtures.read(as(Roles.PROCUREMENT, hospital).queryParam("contract", contract)
                    .queryParam("status", "OPEN").get("/api/v1/assessments").then().extract().asString());
            return page.path("totalItems").asInt() == 1 ? UUID.fromString(page.path("items").get(0).path("id").asText())
                    : null;
        }, java.util.Objects::nonNull);
    }

    /**
     * A new version that renumbers its requirements (as MHLW 5.2 → 6.0 did): the catalog's mappings carry the
     * answers of the replaced keys to their successors, marked "carried over, confirm", and the assessment is
     * submitted only once each carried answer is confirmed or answered again.
     */
    @Test
    void a_rebaseline_across_renumbered_keys_carries_answers_through_the_mappings_for_confirmation() {
        String a = "A" + suffix, b = "B" + suffix, c1 = "C1" + suffix, c2 = "C2" + suffix, k = "K" + suffix;
        String a2 = "A2" + suffix, b2 = "B2" + suffix, c = "C" + suffix;
        // H is a shared duty: under the contract's split both sides answer it, and its successor H2.
        String h = "H" + suffix, h2 = "H2" + suffix;
        catalogAdmin().body(Map.of("id", guideline, "issuer", "METI_MIC", "audience", "VENDOR",
                        "title", Map.of("ja", "引き継ぎテスト", "en", "Carry-over test")))
                .post("/api/v1/guidelines").then().statusCode(201);
        catalogAdmin().body(Map.of("version", "1")).post("/api/v1/guidelines/{g}/versions", guideline)
                .then().statusCode(201);
        catalogAdmin().body(Map.of("title", Map.of("ja", "総則", "en", "General")))
                .put("/api/v1/guidelines/{g}/versions/1/sections/1", guideline).then().statusCode(201);
        for (String key : List.of(a, b, c1, c2, k)) {
            putRequirement("1", key, requirement(key, "MANDATORY", "VENDOR", "Old duty " + key));
        }
        putRequirement("1", h, requirement(h, "MANDATORY", "SHARED", "Old shared duty"));
        catalogAdmin().body(Map.of()).post("/api/v1/guidelines/{g}/versions/1/publish", guideline)
                .then().statusCode(200);

        UUID id = openAssessment();
        sendSplit(List.of(Map.of("key", "Part2 A-1", "part", "PART_2", "party", "SHARED",
                "requirements", List.of(h, h2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "BOTH".equals(item(id, h).path("answeredBy").asText()));
        List<Map<String, String>> evidence = List.of(Map.of("name", "Backup runbook",
                "uri", "https://vendor.example/runbook.pdf"));
        for (String key : List.of(a, b, c1, c2, k, h)) {
            as(Roles.VENDOR, vendor).header("If-Match", etag(id, key))
                    .body(Map.of("status", "IMPLEMENTED", "statement", "done for " + key, "evidence", evidence))
                    .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then().statusCode(200);
        }

        as(Roles.PROCUREMENT, hospital).header("If-Match", etag(id, h))
                .body(Map.of("status", "PARTIAL", "statement", "the hospital's part"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, h).then().statusCode(200);

        // Version 2 keeps K and replaces the others under new keys, with the correspondences recorded: A is
        // superseded by A2, B2 is equivalent to B (stated from the new key's side), C1 and C2 merge into C.
        catalogAdmin().body(Map.of("version", "2")).post("/api/v1/guidelines/{g}/versions", guideline)
                .then().statusCode(201);
        catalogAdmin().body(Map.of("title", Map.of("ja", "総則", "en", "General")))
                .put("/api/v1/guidelines/{g}/versions/2/sections/1", guideline).then().statusCode(201);
        putRequirement("2", k, requirement(k, "MANDATORY", "VENDOR", "Old duty " + k));
        for (String key : List.of(a2, b2, c)) {
            putRequirement("2", key, requirement(key, "MANDATORY", "VENDOR", "New duty " + key));
        }
        putRequirement("2", h2, requirement(h2, "MANDATORY", "SHARED", "New shared duty"));
        addMapping("2", a, a2, "SUPERSEDED_BY");
        addMapping("2", h, h2, "SUPERSEDED_BY");
        addMapping("2", b2, b, "EQUIVALENT");
        addMapping("2", c1, c, "SUPERSEDED_BY");
        addMapping("2", c2, c, "SUPERSEDED_BY");
        catalogAdmin().body(Map.of()).post("/api/v1/guidelines/{g}/versions/2/publish", guideline)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "STALE".equals(assessment(id).path("status").asText()));

        // The preview names each carry-over and the ambiguous merge, and writes nothing.
        JsonNode preview = Fixtures.read(as(Roles.PROCUREMENT, hospital)
                .post("/api/v1/assessments/{id}/rebaseline?preview=true", id).then().statusCode(200)
                .body("removed", equalTo(List.of(a, b, c1, c2, h))).body("added", equalTo(List.of(a2, b2, c, h2)))
                .body("kept", equalTo(List.of(k))).extract().asString());
        assertThat(preview.path("carriedOver").toString()).isEqualTo(Fixtures.read("""
                [{"source":"%s","sourceVersion":"1","target":"%s","relation":"SUPERSEDED_BY","sides":["VENDOR"]},
                 {"source":"%s","sourceVersion":"1","target":"%s","relation":"EQUIVALENT","sides":["VENDOR"]},
                 {"source":"%s","sourceVersion":"1","target":"%s","relation":"SUPERSEDED_BY",
                  "sides":["VENDOR","HOSPITAL"]}]"""
                .formatted(a, a2, b, b2, h, h2)).toString());
        assertThat(preview.path("carryOverCandidates").toString()).isEqualTo(Fixtures.read("""
                [{"target":"%s","sources":["%s","%s"]}]""".formatted(c, c1, c2)).toString());
        assertThat(assessment(id).path("status").asText()).isEqualTo("STALE");
        assertThat(AssessmentOpeningTest.itemKeys(id, hospital)).containsExactly(a, b, c1, c2, k, h);

        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/rebaseline?preview=false", id).then()
                .statusCode(200).body("carriedOver.target", equalTo(List.of(a2, b2, h2)))
                .body("carryOverCandidates[0].target", equalTo(c));
        assertThat(AssessmentOpeningTest.itemKeys(id, hospital)).containsExactly(k, a2, b2, c, h2);
        JsonNode carried = item(id, a2);
        assertThat(carried.path("response").path("status").asText()).isEqualTo("IMPLEMENTED");
        assertThat(carried.path("response").path("statement").asText()).isEqualTo("done for " + a);
        assertThat(carried.path("response").path("evidence").get(0).path("name").asText()).isEqualTo("Backup runbook");
        assertThat(carried.path("response").path("carryOver").asText()).isEqualTo("PENDING");
        assertThat(carried.path("carriedOverFrom").path("key").asText()).isEqualTo(a);
        assertThat(carried.path("carriedOverFrom").path("version").asText()).isEqualTo("1");
        assertThat(carried.path("carriedOverFrom").path("relation").asText()).isEqualTo("SUPERSEDED_BY");
        assertThat(item(id, b2).path("carriedOverFrom").path("relation").asText()).isEqualTo("EQUIVALENT");
        JsonNode shared = item(id, h2);
        assertThat(shared.path("answeredBy").asText()).isEqualTo("BOTH");
        assertThat(shared.path("response").path("carryOver").asText()).isEqualTo("PENDING");
        assertThat(shared.path("hospitalResponse").path("statement").asText()).isEqualTo("the hospital's part");
        assertThat(shared.path("hospitalResponse").path("carryOver").asText()).isEqualTo("PENDING");
        assertThat(item(id, c).path("response").isNull()).as("the merged item is asked afresh").isTrue();
        assertThat(item(id, c).path("carriedOverFrom").isNull()).isTrue();
        assertThat(item(id, k).path("response").path("carryOver").isNull()).as("a kept answer is its own").isTrue();

        // Answering C leaves only the carried answers: submission is refused, naming them.
        as(Roles.VENDOR, vendor).header("If-Match", etag(id, c)).body(Map.of("status", "PARTIAL", "statement", "half"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, c).then().statusCode(200);
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("guards.guard", equalTo(List.of("carried-over-answers-confirmed")))
                .body("guards[0].reason", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString(a2),
                        org.hamcrest.Matchers.containsString(b2), org.hamcrest.Matchers.containsString(h2)));

        // Bad confirmations are refused and change nothing.
        String tag = etag(id, a2);
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, a2).then()
                .statusCode(428).contentType("application/problem+json");
        as(Roles.VENDOR, vendor).header("If-Match", "\"999\"")
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, a2).then()
                .statusCode(412).contentType("application/problem+json");
        as(Roles.VENDOR, vendor).header("If-Match", tag)
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, "no such key!").then()
                .statusCode(400).contentType("application/problem+json");
        as(Roles.VENDOR, vendor).header("If-Match", tag)
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, "UNKNOWN-" + suffix).then()
                .statusCode(404).contentType("application/problem+json");
        as(Roles.VENDOR, vendor).header("If-Match", etag(id, k))
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, k).then()
                .statusCode(409).contentType("application/problem+json");
        as(Roles.PROCUREMENT, hospital).header("If-Match", tag)
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, a2).then()
                .statusCode(403).contentType("application/problem+json");
        // Another vendor does not see the assessment at all.
        as(Roles.VENDOR, UUID.randomUUID()).header("If-Match", tag)
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, a2).then()
                .statusCode(404).contentType("application/problem+json");
        assertThat(etag(id, a2)).isEqualTo(tag);
        assertThat(item(id, a2).path("response").path("carryOver").asText()).isEqualTo("PENDING");

        // The vendor confirms A2 as carried, and answers B2 anew: both stop holding up the submission.
        as(Roles.VENDOR, vendor).header("If-Match", tag)
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, a2).then().statusCode(200)
                .body("response.carryOver", equalTo("CONFIRMED")).body("response.status", equalTo("IMPLEMENTED"))
                .body("carriedOverFrom.key", equalTo(a));
        as(Roles.VENDOR, vendor).header("If-Match", etag(id, a2))
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, a2).then().statusCode(409);
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(409)
                .body("guards[0].reason", org.hamcrest.Matchers.containsString(b2))
                .body("guards[0].reason", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(a2 + ",")));
        as(Roles.VENDOR, vendor).header("If-Match", etag(id, b2))
                .body(Map.of("status", "IMPLEMENTED", "statement", "checked against the new text"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, b2).then().statusCode(200)
                .body("response.carryOver", nullValue()).body("carriedOverFrom", nullValue());
        // Each side confirms its own carried answer to the shared item.
        as(Roles.PROCUREMENT, hospital).header("If-Match", etag(id, h2))
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, h2).then().statusCode(200)
                .body("hospitalResponse.carryOver", equalTo("CONFIRMED")).body("response.carryOver", equalTo("PENDING"));
        as(Roles.VENDOR, vendor).header("If-Match", etag(id, h2))
                .post("/api/v1/assessments/{id}/items/{key}/response/confirmation", id, h2).then().statusCode(200)
                .body("response.carryOver", equalTo("CONFIRMED")).body("carriedOverFrom.key", equalTo(h));
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
    }
}
