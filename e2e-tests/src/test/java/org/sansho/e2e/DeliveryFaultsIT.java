package org.sansho.e2e;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery faults between the services: poison records on every consumed topic, and the catalog down while a
 * contract enters a phase.
 */
class DeliveryFaultsIT {

    private final Suite suite = Suite.get();

    @Test
    void a_poison_record_on_each_consumed_topic_lands_in_its_dead_letter_topic_and_the_partition_keeps_moving() {
        Suite.Parties p = suite.parties();
        UUID id = suite.openContract(p, List.of(Map.of("guidelineId", suite.guideline, "version", "1")));
        String key = id.toString();
        // Two kinds of poison ahead of the real events of the same key (so on the same partition): not JSON at
        // all, and a CloudEvent of a spec version the services do not read.
        String garbage = "{not a cloud event " + key;
        String wrongSpec = "{\"specversion\":\"0.3\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/elsewhere\","
                + "\"type\":\"org.sansho.contract.state-changed.v1\",\"subject\":\"" + key + "\",\"time\":\""
                + OffsetDateTime.now() + "\",\"data\":{}}";
        for (String topic : List.of(Suite.CONTRACT_EVENTS, Suite.ASSESSMENT_EVENTS)) {
            suite.produce(topic, key, garbage);
            suite.produce(topic, key, wrongSpec.replace("contract.state-changed", topic.startsWith("contract")
                    ? "contract.state-changed" : "assessment.completed"));
        }
        String guideline = "e2e-poison-" + UUID.randomUUID().toString().substring(0, 8);
        suite.produce(Suite.CATALOG_EVENTS, guideline, "{not a cloud event " + guideline);

        // The partitions move on: the contract's disclosure opens its assessment (contract.events → assessment),
        // its verdict reaches the contract (assessment.events → contract), and a guideline published after the
        // poison on catalog.events is consumed by both.
        ReviewDriver review = new ReviewDriver(suite, p, id);
        suite.transition(p, id, "DISCLOSURE_REQUESTED");
        String assessmentId = review.awaitOpened("PRE_CONTRACT");
        review.answerAll(assessmentId);
        review.submit(assessmentId);
        suite.shareUnderstanding(p, id);
        suite.transition(p, id, "UNDER_ASSESSMENT");
        review.evaluateAll(assessmentId);
        review.complete(assessmentId);
        review.awaitVerdictKnownToContract("PRE_CONTRACT", "ACCEPTABLE");
        suite.transition(p, id, "AGREED");
        suite.publishGuideline(guideline, "1", Map.of(Suite.key(guideline, "one"),
                Suite.requirement("MANDATORY", "VENDOR", List.of("PRE_CONTRACT"), "One requirement")));
        suite.awaitConsumed(Duration.ofSeconds(90));

        List<ConsumerRecord<String, String>> contractDlq = suite.records("contract.events.dlq", key);
        List<ConsumerRecord<String, String>> assessmentDlq = suite.records("assessment.events.dlq", key);
        List<ConsumerRecord<String, String>> catalogDlq = suite.records("catalog.events.dlq", guideline);
        assertThat(contractDlq).extracting(ConsumerRecord::value).containsExactly(garbage, wrongSpec);
        // assessment.events is consumed by the contract-service and by the assessment-service itself (the contract
        // timelines of the dashboard): each group dead-letters its copy of each poison record once.
        String wrongAssessment = wrongSpec.replace("contract.state-changed", "assessment.completed");
        assertThat(assessmentDlq).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(garbage, garbage,
                wrongAssessment, wrongAssessment);
        // catalog.events is consumed by both services, so each dead-letters its copy once.
        assertThat(catalogDlq).extracting(ConsumerRecord::value).containsExactly("{not a cloud event " + guideline,
                "{not a cloud event " + guideline);
        // Besides the two poison records, the assessment-service published its three events of the assessment.
        assertThat(suite.records(Suite.ASSESSMENT_EVENTS, key).stream()
                .filter(r -> "/sansho/assessment-service".equals(Tally.json(r.value()).path("source").asText()))
                .map(r -> Tally.json(r.value()).path("type").asText()))
                .containsExactly("org.sansho.assessment.opened.v1", "org.sansho.assessment.submitted.v1",
                        "org.sansho.assessment.completed.v1");
        System.out.printf("poison: lifecycles 1, poison records 5, dead-lettered %d (contract.events %d, "
                        + "assessment.events %d, catalog.events %d), real events after them consumed, lost 0, "
                        + "duplicated 0%n", contractDlq.size() + assessmentDlq.size() + catalogDlq.size(),
                contractDlq.size(), assessmentDlq.size(), catalogDlq.size());
    }

    @Test
    void with_the_catalog_down_the_assessment_opens_once_the_catalog_is_back_and_only_once() {
        // A guideline of its own, so that no answer the assessment-service cached from the catalog can stand in.
        String g = "e2e-outage-" + UUID.randomUUID().toString().substring(0, 8);
        suite.publishGuideline(g, "1", Map.of(Suite.key(g, "one"),
                Suite.requirement("MANDATORY", "VENDOR", List.of("PRE_CONTRACT"), "Disclose the data location")));
        Suite.Parties p = suite.parties();
        UUID id = suite.openContract(p, List.of(Map.of("guidelineId", g, "version", "1")));
        suite.catalog.kill();
        try {
            suite.transition(p, id, "DISCLOSURE_REQUESTED");
            // The event arrives and the assessment is recorded, waiting for its items.
            JsonPath pending = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> assessments(p, id), a -> a.getInt("totalItems") == 1);
            assertThat(pending.getString("items[0].status")).isEqualTo("PENDING_ITEMS");
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60)).until(() -> {
                JsonPath a = assessments(p, id);
                return a.getInt("totalItems") == 1 && "PENDING_ITEMS".equals(a.getString("items[0].status"));
            });
        } finally {
            suite.catalog.startAndAwaitReady();
        }
        JsonPath opened = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> assessments(p, id), a -> "OPEN".equals(a.getString("items[0].status")));
        assertThat(opened.getInt("totalItems")).isEqualTo(1);
        String assessmentId = opened.getString("items[0].id");
        assertThat(new ReviewDriver(suite, p, id).itemKeys(assessmentId)).containsExactly(Suite.key(g, "one"));
        await().atMost(Duration.ofSeconds(30)).until(() -> suite.records(Suite.ASSESSMENT_EVENTS, id.toString()).size() >= 1);
        // Give a second opening every chance to show up before counting.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(60)).until(() -> assessments(p, id).getInt("totalItems") == 1);
        List<String> types = suite.records(Suite.ASSESSMENT_EVENTS, id.toString()).stream()
                .map(r -> Tally.json(r.value()).path("type").asText()).toList();
        assertThat(types).containsExactly("org.sansho.assessment.opened.v1");
        System.out.println("catalog outage: lifecycles 1, events published 1 (assessment opened after the catalog "
                + "came back), consumed 1, lost 0, duplicated 0");
    }

    private JsonPath assessments(Suite.Parties p, UUID id) {
        return Suite.as(suite.assessment, "procurement", p.hospital()).queryParam("contract", id)
                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
    }
}
