package org.sansho.contract.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

/**
 * A contract's baseline names only versions the catalog holds as published with requirements, as learned from
 * catalog.events: anything else is a 422 naming the entry, and nothing is created or changed.
 */
@QuarkusTest
class PublishedBaselineTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void a_baseline_naming_an_unknown_guideline_an_unknown_version_or_a_version_without_requirements_is_a_422() {
        Fixtures.Parties p = Fixtures.parties();
        String g = guideline();
        Fixtures.publishVersion(g, "1", List.of("A-1"));
        String empty = guideline();
        Fixtures.publishVersion(empty, "1", List.of());

        refused(p, List.of(ref("mhlw-medical-information-security", "6.0"), ref("no-such-guideline", "1")),
                "baseline[1]", "no published guideline no-such-guideline");
        refused(p, List.of(ref(g, "9")), "baseline[0]", "no published version 9 of guideline " + g);
        refused(p, List.of(ref(empty, "1")), "baseline[0]", "holds no requirements");
        as("procurement", p.hospital()).get("/api/v1/contracts?hospitalId=" + p.hospital()).then()
                .body("totalItems", is(0));

        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("baseline", List.of(ref(g, "1")));
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201);
    }

    @Test
    void a_superseded_version_is_refused_for_a_new_baseline_but_kept_by_a_contract_that_already_names_it() {
        Fixtures.Parties p = Fixtures.parties();
        String g = guideline();
        Fixtures.publishVersion(g, "1", List.of("A-1", "A-2"));
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("baseline", List.of(ref(g, "1")));
        String id = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .extract().path("id");

        // Version 2 supersedes 1: one key removed, one added (two requirements, as the event lists tell).
        send(g, Fixtures.cloudEvent("org.sansho.catalog.guideline-version.superseded.v1", g, "/sansho/catalog-service",
                "{\"guidelineId\":\"" + g + "\",\"version\":\"1\",\"supersededBy\":{\"guidelineId\":\"" + g
                        + "\",\"version\":\"2\"}}"));
        send(g, Fixtures.cloudEvent("org.sansho.catalog.guideline-version.published.v1", g, "/sansho/catalog-service",
                "{\"guidelineId\":\"" + g + "\",\"version\":\"2\",\"supersedes\":[{\"guidelineId\":\"" + g
                        + "\",\"version\":\"1\"}],\"addedKeys\":[\"A-3\"],\"removedKeys\":[\"A-1\"],"
                        + "\"changedKeys\":[]}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> next = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
            next.put("baseline", List.of(ref(g, "2")));
            as("procurement", p.hospital()).body(next).post("/api/v1/contracts").then().statusCode(201);
        });
        refused(p, List.of(ref(g, "1")), "baseline[0]", "SUPERSEDED");

        // The contract on version 1 can still be amended, keeping it; adding an unknown entry is refused.
        amend(p, id, Map.of("baseline", List.of(ref(g, "1"), ref("mhlw-medical-information-security", "6.0"))), 200);
        amend(p, id, Map.of("baseline", List.of(ref(g, "1"), ref("mhlw-medical-information-security", "7.0"))), 422);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .body("baseline.version", equalTo(List.of("1", "6.0")));
    }

    @Test
    void a_revision_that_leaves_a_version_without_requirements_makes_it_unusable_for_a_baseline() {
        Fixtures.Parties p = Fixtures.parties();
        String g = guideline();
        Fixtures.publishVersion(g, "1", List.of("A-1"));
        send(g, Fixtures.cloudEvent("org.sansho.catalog.guideline-version.revised.v1", g, "/sansho/catalog-service",
                "{\"guidelineId\":\"" + g + "\",\"version\":\"1\",\"addedKeys\":[],\"removedKeys\":[\"A-1\"],"
                        + "\"changedKeys\":[]}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                refused(p, List.of(ref(g, "1")), "baseline[0]", "holds no requirements"));
    }

    private void refused(Fixtures.Parties p, List<Map<String, String>> baseline, String field, String reason) {
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("baseline", baseline);
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/baseline-not-published"))
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(reason)));
    }

    private static void amend(Fixtures.Parties p, String id, Map<String, Object> patch, int status) {
        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().extract().header("ETag");
        as("procurement", p.hospital()).header("If-Match", etag).body(patch).patch("/api/v1/contracts/" + id)
                .then().statusCode(status);
    }

    private static Map<String, String> ref(String guideline, String version) {
        return Map.of("guidelineId", guideline, "version", version);
    }

    private static String guideline() {
        return "baseline-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void send(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("catalog.events", key, value)).awaitCompletion();
    }
}
