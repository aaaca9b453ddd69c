package org.sansho.contract.contracts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

/** 合意の維持 (2省GL §3.2.2): a superseded baseline version flags live contracts until an amendment moves them on. */
@QuarkusTest
class ReagreementTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void a_published_version_that_supersedes_a_baseline_version_flags_live_contracts_once_until_amended()
            throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        // A guideline id of its own, so that other tests' contracts are not touched.
        String guideline = "test-guideline-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("baseline", List.of(Map.of("guidelineId", guideline, "version", "1.0"),
                Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0")));
        String live = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .extract().path("id");
        String cancelled = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then()
                .statusCode(201).extract().path("id");
        as("procurement", p.hospital()).body(Map.of("to", "CANCELLED"))
                .post("/api/v1/contracts/" + cancelled + "/transitions").then().statusCode(200);

        String published = Fixtures.cloudEvent("org.sansho.catalog.guideline-version.published.v1", guideline,
                "/sansho/catalog-service", "{\"guidelineId\":\"" + guideline + "\",\"version\":\"1.1\","
                        + "\"publishedOn\":\"2025-07-01\",\"supersedes\":[{\"guidelineId\":\"" + guideline
                        + "\",\"version\":\"1.0\"}],\"addedKeys\":[],\"removedKeys\":[],\"changedKeys\":[\"K-1\"]}");
        send(guideline, published);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("procurement", p.hospital()).get("/api/v1/contracts/" + live).then()
                        .body("reagreementRequired", is(true))
                        .body("reagreement[0].superseded.version", equalTo("1.0"))
                        .body("reagreement[0].by.version", equalTo("1.1")));
        // A replay and a second publication for the same superseded version change nothing.
        send(guideline, published);
        String again = published.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\"");
        send(guideline, again);
        // the second publication comes after the replay on the guideline's partition: once it is processed, both were
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again));
        List<String> flagged = TopicRecords.forKey("contract.events", live).stream().map(r -> r.value())
                .filter(v -> v.contains("reagreement-required.v1")).toList();
        assertThat(flagged).hasSize(1);
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(flagged.get(0)).path("data");
        assertThat(data.path("superseded").path("guidelineId").asText()).isEqualTo(guideline);
        assertThat(data.path("superseded").path("version").asText()).isEqualTo("1.0");
        assertThat(data.path("by").path("version").asText()).isEqualTo("1.1");
        assertThat(data.path("contractId").asText()).isEqualTo(live);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + cancelled).then()
                .body("reagreementRequired", is(false));
        as("procurement", p.hospital()).get("/api/v1/contracts?reagreementRequired=true")
                .then().body("items.id", equalTo(List.of(live)));

        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + live).then().extract().header("ETag");
        as("procurement", p.hospital()).header("If-Match", etag)
                .body(Map.of("baseline", List.of(Map.of("guidelineId", guideline, "version", "1.1"),
                        Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0"))))
                .patch("/api/v1/contracts/" + live)
                .then().statusCode(200).body("reagreementRequired", is(false)).body("reagreement.size()", is(0));
    }

    @Test
    void a_catalog_event_with_an_unreadable_payload_goes_to_the_dead_letter_topic() {
        String key = "poison-" + UUID.randomUUID();
        send(key, Fixtures.cloudEvent("org.sansho.catalog.guideline-version.published.v1", key,
                "/sansho/catalog-service", "{\"guidelineId\":\"x\",\"version\":\"2\",\"supersedes\":\"none\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.forKey("catalog.events.dlq", key).size() == 1);
    }

    private boolean processed(String event) {
        String id = event.replaceFirst("^.*?\"id\":\"([^\"]+)\".*$", "$1");
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.quarkus.arc.Arc.container().instance(org.sansho.platform.inbox.Inbox.class).get()
                        .processed("contract-service.catalog-events", id));
    }

    private void send(String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>("catalog.events", key, value)).awaitCompletion();
    }
}
