package org.sansho.contract.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

/** The done-when walk: DRAFT to CLOSED through every phase, each guard refusing first and passing once it holds. */
@QuarkusTest
class ContractWalkthroughTest {

    private static final String ASSESSMENTS = "assessment.events";
    private static final String COMPLETED = "org.sansho.assessment.completed.v1";
    private static final String VERDICT_CHANGED = "org.sansho.assessment.verdict-changed.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void a_contract_walks_from_draft_to_closed_with_every_guard_refusing_first_and_passing_once_it_holds()
            throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);

        move(p, id, "DISCLOSURE_REQUESTED").statusCode(200).body("phase", equalTo("PRE_CONTRACT"));
        // UNDER_ASSESSMENT: not before the hospital accepted every row of the vendor's disclosure package.
        refused(p, id, "UNDER_ASSESSMENT", "disclosure-shared-understanding");
        Fixtures.shareUnderstanding(p, id);
        move(p, id, "UNDER_ASSESSMENT").statusCode(200);

        // AGREED: no verdict yet, then CONDITIONAL with open mandatory gaps, then CONDITIONAL with none.
        refused(p, id, "AGREED", "pre-contract-verdict", "responsibility-split");
        send(id, Fixtures.assessmentResult(COMPLETED, p, id, "PRE_CONTRACT", "CONDITIONAL", 2,
                "2025-03-01T10:00:00Z"));
        awaitVerdict(p, id, "PRE_CONTRACT", "CONDITIONAL", 2);
        refused(p, id, "AGREED", "pre-contract-verdict", "responsibility-split");
        String accepted = Fixtures.assessmentResult(VERDICT_CHANGED, p, id, "PRE_CONTRACT", "CONDITIONAL", 0,
                "2025-03-02T10:00:00Z");
        send(id, accepted);
        awaitVerdict(p, id, "PRE_CONTRACT", "CONDITIONAL", 0);
        // A late, older result and a replay of the newest change nothing.
        send(id, Fixtures.assessmentResult(COMPLETED, p, id, "PRE_CONTRACT", "UNACCEPTABLE", 9,
                "2025-02-01T10:00:00Z"));
        send(id, accepted);
        String marker = Fixtures.assessmentResult(COMPLETED, p, id, "IN_CONTRACT", "ACCEPTABLE", 0,
                "2025-03-03T10:00:00Z");
        send(id, marker);
        awaitVerdict(p, id, "IN_CONTRACT", "ACCEPTABLE", 0);
        awaitVerdict(p, id, "PRE_CONTRACT", "CONDITIONAL", 0);
        // The verdict alone is not enough: the responsibility split must be complete and acknowledged.
        refused(p, id, "AGREED", "responsibility-split");
        Fixtures.agreeOnResponsibilitySplit(p, id);
        move(p, id, "AGREED").statusCode(200);

        // ACTIVE needs the signed date.
        refused(p, id, "ACTIVE", "signed-date");
        as("procurement", p.hospital()).body(Map.of("to", "ACTIVE", "signedOn", "2025-03-20"))
                .post("/api/v1/contracts/" + id + "/transitions")
                .then().statusCode(200).body("phase", equalTo("IN_CONTRACT")).body("activity", equalTo("DEVELOPMENT"));
        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().extract().header("ETag");
        as("procurement", p.hospital()).header("If-Match", etag).body(Map.of("activity", "OPERATION"))
                .patch("/api/v1/contracts/" + id).then().statusCode(200).body("activity", equalTo("OPERATION"));

        move(p, id, "UNDER_REVIEW").statusCode(200);
        // A review ends on its own in-contract result: the one recorded before it began does not count, and an
        // UNACCEPTABLE one keeps the contract under review and tells both sides.
        refused(p, id, "ACTIVE", "in-contract-verdict");
        java.time.OffsetDateTime reviewed = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1);
        send(id, Fixtures.assessmentResult(COMPLETED, p, id, "IN_CONTRACT", "UNACCEPTABLE", 1, reviewed.toString()));
        awaitVerdict(p, id, "IN_CONTRACT", "UNACCEPTABLE", 1);
        refused(p, id, "ACTIVE", "in-contract-verdict");
        JsonNode unacceptable = await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords
                .forKey("contract.events", id.toString()).stream().map(r -> tree(r.value()))
                .filter(e -> e.path("type").asText().equals("org.sansho.contract.review-unacceptable.v1"))
                .findFirst().orElse(null), java.util.Objects::nonNull).path("data");
        assertThat(unacceptable.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        assertThat(unacceptable.path("vendorId").asText()).isEqualTo(p.vendor().toString());
        assertThat(unacceptable.path("openMandatoryGaps").asInt()).isEqualTo(1);
        send(id, Fixtures.assessmentResult(VERDICT_CHANGED, p, id, "IN_CONTRACT", "CONDITIONAL", 0,
                reviewed.plusMinutes(1).toString()));
        awaitVerdict(p, id, "IN_CONTRACT", "CONDITIONAL", 0);
        move(p, id, "ACTIVE").statusCode(200);

        // Crisis response: entered by an incident report only, left once the measure is agreed by both sides.
        refused(p, id, "INCIDENT", "incident-reported");
        String incident = as("vendor", p.vendor()).body(Map.of("summary", "バックアップサーバの暗号化",
                        "ciaImpact", List.of("A", "I"), "detectedAt", "2025-06-01T08:00:00+09:00",
                        "notifiedAt", "2025-06-01T10:00:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents")
                .then().statusCode(201).body("notifiedWithinSla", is(false)).extract().path("id");
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().body("state", equalTo("INCIDENT"));
        refused(p, id, "ACTIVE", "recurrence-prevention-agreed");
        String incidentPath = "/api/v1/contracts/" + id + "/incidents/" + incident;
        as("vendor", p.vendor()).body(Map.of("measure", "offline backup copy, EDR on every server"))
                .post(incidentPath + "/measure").then().statusCode(200);
        as("procurement", p.hospital()).post(incidentPath + "/agreement").then().statusCode(200)
                .body("measureAgreedByBoth", is(false));
        refused(p, id, "ACTIVE", "recurrence-prevention-agreed");
        as("vendor", p.vendor()).post(incidentPath + "/agreement").then().statusCode(200)
                .body("measureAgreedByBoth", is(true));
        move(p, id, "ACTIVE").statusCode(200);

        // Termination: notice, data return confirmed, deletion certificate and post-termination assessment.
        refused(p, id, "TERMINATION_NOTICED", "termination-notice");
        as("procurement", p.hospital()).body(Map.of("noticedOn", "2027-12-01", "reason", "new EHR"))
                .post("/api/v1/contracts/" + id + "/termination/notice").then().statusCode(200);
        move(p, id, "TERMINATION_NOTICED").statusCode(200).body("phase", equalTo("POST_TERMINATION"));
        move(p, id, "DATA_RETURN").statusCode(200);
        refused(p, id, "DATA_DELETION", "data-return-confirmed");
        as("vendor", p.vendor()).body(Map.of("returnedOn", "2028-02-15", "note", "SS-MIX2 export"))
                .post("/api/v1/contracts/" + id + "/termination/data-return").then().statusCode(200);
        refused(p, id, "DATA_DELETION", "data-return-confirmed");
        as("procurement", p.hospital()).post("/api/v1/contracts/" + id + "/termination/data-return/confirmation")
                .then().statusCode(200);
        move(p, id, "DATA_DELETION").statusCode(200);
        refused(p, id, "CLOSED", "deletion-certificate", "post-termination-assessment");
        as("vendor", p.vendor()).body(Map.of("certificateRef", "DEL-2028-0042", "deletedBy", "消去業者 山田",
                        "media", "HDD x 12", "method", "degaussing then physical destruction",
                        "deletedOn", "2028-03-10"))
                .post("/api/v1/contracts/" + id + "/termination/deletion-certificate").then().statusCode(200);
        refused(p, id, "CLOSED", "post-termination-assessment");
        send(id, Fixtures.assessmentResult(COMPLETED, p, id, "POST_TERMINATION", "UNACCEPTABLE", 1,
                "2028-03-15T10:00:00Z"));
        awaitVerdict(p, id, "POST_TERMINATION", "UNACCEPTABLE", 1);
        move(p, id, "CLOSED").statusCode(200).body("nextStates", org.hamcrest.Matchers.empty());
        refused(p, id, "ACTIVE", "lifecycle");

        as("auditor", p.hospital()).get("/api/v1/contracts/" + id + "/history?size=100").then().statusCode(200)
                .body("items.to", contains("DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT", "AGREED", "ACTIVE",
                        "UNDER_REVIEW", "ACTIVE", "INCIDENT", "ACTIVE", "TERMINATION_NOTICED", "DATA_RETURN",
                        "DATA_DELETION", "CLOSED"));

        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicRecords.forKey("contract.events", id.toString()),
                        records -> records.stream().anyMatch(r -> r.value().contains("contract.closed.v1")));
        List<String> types = events.stream().map(r -> tree(r.value()).path("type").asText()).toList();
        assertThat(types).containsExactly("org.sansho.contract.created.v1",
                "org.sansho.contract.responsibility-split-changed.v1",
                "org.sansho.contract.state-changed.v1",
                "org.sansho.contract.disclosure.shared-understanding-reached.v1", "org.sansho.contract.state-changed.v1",
                // the full split set by the hospital, then acknowledged by the vendor
                "org.sansho.contract.responsibility-split-changed.v1",
                "org.sansho.contract.responsibility-split-changed.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.state-changed.v1",
                "org.sansho.contract.amended.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.review-unacceptable.v1",
                "org.sansho.contract.state-changed.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.incident-reported.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.state-changed.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.state-changed.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.closed.v1");
        JsonNode requested = tree(events.get(2).value()).path("data");
        assertThat(requested.path("from").asText()).isEqualTo("DRAFT");
        assertThat(requested.path("to").asText()).isEqualTo("DISCLOSURE_REQUESTED");
        assertThat(requested.path("phase").asText()).isEqualTo("PRE_CONTRACT");
        assertThat(requested.path("contractId").asText()).isEqualTo(id.toString());
        assertThat(requested.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        assertThat(requested.path("serviceModel").asText()).isEqualTo("SAAS");
        assertThat(requested.path("baseline").get(0).path("version").asText()).isEqualTo("6.0");
        assertThat(requested.path("dataCategories").size()).isEqualTo(2);
        JsonNode closed = tree(events.get(events.size() - 1).value()).path("data");
        assertThat(closed.path("deletionCertificateRef").asText())
                .isEqualTo("DEL-2028-0042");
    }

    @Test
    void a_poison_record_on_assessment_events_lands_in_the_dead_letter_topic_and_the_partition_keeps_moving() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        send(id, "{this is not a cloud event");
        send(id, Fixtures.cloudEvent(COMPLETED, id.toString(), "/sansho/assessment-service",
                "{\"contractId\":\"" + id + "\",\"verdict\":\"GREAT\"}"));
        send(id, Fixtures.assessmentResult(COMPLETED, p, id, "PRE_CONTRACT", "ACCEPTABLE", 0, "2025-03-01T10:00:00Z"));
        awaitVerdict(p, id, "PRE_CONTRACT", "ACCEPTABLE", 0);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicRecords.forKey("assessment.events.dlq", id.toString()), r -> r.size() >= 2);
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value()).isEqualTo("{this is not a cloud event");
        assertThat(dead.get(1).value()).contains("GREAT");
    }

    private void send(UUID key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(ASSESSMENTS, key.toString(), value)).awaitCompletion();
    }

    private static void awaitVerdict(Fixtures.Parties p, UUID id, String phase, String verdict, int gaps) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/assessments").then()
                        .statusCode(200)
                        .body("find { it.phase == '" + phase + "' }.verdict", equalTo(verdict))
                        .body("find { it.phase == '" + phase + "' }.openMandatoryGaps", equalTo(gaps)));
    }

    private static ValidatableResponse move(Fixtures.Parties p, UUID id, String to) {
        return as("procurement", p.hospital()).body(Map.of("to", to, "reason", "walkthrough"))
                .post("/api/v1/contracts/" + id + "/transitions").then().body("state", equalTo(to));
    }

    private static void refused(Fixtures.Parties p, UUID id, String to, String... guards) {
        as("procurement", p.hospital()).body(Map.of("to", to))
                .post("/api/v1/contracts/" + id + "/transitions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/transition-refused"))
                .body("guards.guard", containsInAnyOrder((Object[]) guards));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
