package org.sansho.assessment.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.CatalogTestResource;
import org.sansho.assessment.Fixtures;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.AuditTable;
import org.sansho.testsupport.TestTokens;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.assessment.Fixtures.as;

@QuarkusTest
class AssessmentOpeningTest {

    static final List<Map<String, String>> VENDOR_GL = List.of(
            Map.of("guidelineId", "meti-mic-medical-service-provider", "version", "1.1"));

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DataSource dataSource;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    private void send(String eventId, String from, String to, String phase) {
        send(contract, eventId, from, to, phase);
    }

    private void send(UUID contract, String eventId, String from, String to, String phase) {
        String value = Fixtures.cloudEvent(eventId, "org.sansho.contract.state-changed.v1", contract.toString(),
                Fixtures.stateChanged(contract, hospital, vendor, from, to, phase, VENDOR_GL));
        ProducerRecord<String, String> record = new ProducerRecord<>("contract.events", contract.toString(), value);
        // As the contract service's outbox relay sends it: a structured-mode CloudEvent.
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private List<JsonNode> assessments() {
        return assessments(contract);
    }

    private List<JsonNode> assessments(UUID contract) {
        JsonNode page = Fixtures.read(as(Roles.PROCUREMENT, hospital).queryParam("contract", contract)
                .get("/api/v1/assessments").then().statusCode(200).extract().asString());
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    /** What the catalog itself answers for a vendor's pre-contract duties under this baseline. */
    private static List<String> catalogKeys(List<String> phases) {
        JsonNode answer = Fixtures.read(RestAssured.given().baseUri(CatalogTestResource.catalog().baseUrl())
                .auth().oauth2(TestTokens.token(Roles.SERVICE)).contentType("application/json")
                .body(Map.of("baseline", VENDOR_GL, "phases", phases,
                        "parties", List.of("VENDOR", "SHARED", "SUBCONTRACTOR"), "serviceModel", "SAAS",
                        "dataCategories", List.of("OTHER_PERSONAL_HEALTH_INFO")))
                .post("/api/v1/applicability").then().statusCode(200).extract().asString());
        return java.util.stream.StreamSupport.stream(answer.path("requirements").spliterator(), false)
                .map(r -> r.path("key").asText()).toList();
    }

    static List<String> itemKeys(UUID id, UUID hospital) {
        JsonNode page = Fixtures.read(as(Roles.PROCUREMENT, hospital).queryParam("size", 100)
                .get("/api/v1/assessments/{id}/items", id).then().statusCode(200).extract().asString());
        return java.util.stream.StreamSupport.stream(page.path("items").spliterator(), false)
                .map(i -> i.path("key").asText()).toList();
    }

    @Test
    void a_contract_entering_disclosure_requested_gets_exactly_one_pre_contract_assessment_with_the_right_items() {
        String eventId = UUID.randomUUID().toString();
        send(eventId, "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT");
        send(eventId, "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT");
        // Another event into the same state (e.g. re-sent by the contract service) opens nothing new either.
        send(UUID.randomUUID().toString(), "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT");
        // An unrelated state opens nothing.
        send(UUID.randomUUID().toString(), "DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT", "PRE_CONTRACT");

        List<JsonNode> opened = await().atMost(Duration.ofSeconds(30))
                .until(this::assessments, l -> l.size() == 1 && "OPEN".equals(l.get(0).path("status").asText()));
        JsonNode a = opened.get(0);
        assertThat(a.path("phase").asText()).isEqualTo("PRE_CONTRACT");
        assertThat(a.path("vendorId").asText()).isEqualTo(vendor.toString());
        assertThat(a.path("baseline").get(0).path("version").asText()).isEqualTo("1.1");
        UUID id = UUID.fromString(a.path("id").asText());

        List<String> expected = catalogKeys(List.of("PRE_CONTRACT"));
        assertThat(expected).isNotEmpty();
        assertThat(itemKeys(id, hospital)).containsExactlyElementsOf(expected);
        JsonNode first = Fixtures.read(as(Roles.VENDOR, vendor)
                .get("/api/v1/assessments/{id}/items/{key}", id, expected.get(0)).then().statusCode(200)
                .extract().asString());
        assertThat(first.path("title").path("ja").asText()).isNotBlank();
        assertThat(first.path("obligation").asText()).isIn("MANDATORY", "RECOMMENDED", "INFORMATIVE");
        assertThat(first.path("guidelineVersion").asText()).isEqualTo("1.1");

        List<JsonNode> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.opened.v1"), l -> !l.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.opened.v1").size() == 1);
        assertThat(events.get(0).path("data").path("itemCount").asInt()).isEqualTo(expected.size());
        assertThat(events.get(0).path("data").path("assessmentId").asText()).isEqualTo(id.toString());
        assertThat(assessments()).hasSize(1);
    }

    @Test
    void each_review_event_opens_its_own_in_contract_assessment_with_the_in_contract_phases() {
        send(UUID.randomUUID().toString(), "ACTIVE", "UNDER_REVIEW", "IN_CONTRACT");
        send(UUID.randomUUID().toString(), "ACTIVE", "UNDER_REVIEW", "IN_CONTRACT");
        List<JsonNode> reviews = await().atMost(Duration.ofSeconds(30)).until(this::assessments,
                l -> l.size() == 2 && l.stream().allMatch(a -> "OPEN".equals(a.path("status").asText())));
        assertThat(reviews).allMatch(a -> "IN_CONTRACT".equals(a.path("phase").asText()));
        assertThat(itemKeys(UUID.fromString(reviews.get(0).path("id").asText()), hospital))
                .containsExactlyElementsOf(catalogKeys(List.of("DEVELOPMENT", "OPERATION", "CRISIS_RESPONSE")));
    }

    @Test
    void a_question_the_catalog_answered_before_opens_the_next_assessment_at_once_even_while_the_catalog_is_down() {
        send(UUID.randomUUID().toString(), "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT");
        List<JsonNode> first = await().atMost(Duration.ofSeconds(30)).until(this::assessments,
                l -> l.size() == 1 && "OPEN".equals(l.get(0).path("status").asText()));
        UUID next = UUID.randomUUID();
        CatalogTestResource.catalog().kill();
        try {
            // Published versions never change: the kept answer fills the items in the opening's own transaction.
            send(next, UUID.randomUUID().toString(), "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT");
            List<JsonNode> opened = await().atMost(Duration.ofSeconds(30)).until(() -> assessments(next),
                    l -> l.size() == 1 && !"PENDING_ITEMS".equals(l.get(0).path("status").asText()));
            assertThat(opened.get(0).path("status").asText()).isEqualTo("OPEN");
            List<String> keys = itemKeys(UUID.fromString(opened.get(0).path("id").asText()), hospital);
            assertThat(keys).isNotEmpty()
                    .isEqualTo(itemKeys(UUID.fromString(first.get(0).path("id").asText()), hospital));
        } finally {
            CatalogTestResource.catalog().startAndAwaitReady();
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(next, "org.sansho.assessment.opened.v1").size() == 1);
    }

    @Test
    void while_the_catalog_is_down_the_assessment_waits_and_opens_once_when_it_is_back() {
        CatalogTestResource.catalog().kill();
        try {
            send(UUID.randomUUID().toString(), "ACTIVE", "TERMINATION_NOTICED", "POST_TERMINATION");
            List<JsonNode> pending = await().atMost(Duration.ofSeconds(30)).until(this::assessments,
                    l -> l.size() == 1 && !l.get(0).path("pendingReason").asText().isEmpty());
            assertThat(pending.get(0).path("status").asText()).isEqualTo("PENDING_ITEMS");
            assertThat(pending.get(0).path("phase").asText()).isEqualTo("POST_TERMINATION");
            assertThat(Fixtures.published(contract, "org.sansho.assessment.opened.v1")).isEmpty();
        } finally {
            CatalogTestResource.catalog().startAndAwaitReady();
        }
        await().atMost(Duration.ofSeconds(40)).until(this::assessments,
                l -> l.size() == 1 && "OPEN".equals(l.get(0).path("status").asText()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.opened.v1").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Fixtures.published(contract, "org.sansho.assessment.opened.v1").size() == 1);
        String id = assessments().get(0).path("id").asText();
        assertThat(itemKeys(UUID.fromString(id), hospital))
                .containsExactlyElementsOf(catalogKeys(List.of("TERMINATION", "POST_TERMINATION")));
        // The opening and the worker's later fill are two changes, each with its own audit record (newest first).
        new AuditTable(dataSource).awaitSealed();
        List<String> actions = as(Roles.AUDITOR, hospital).queryParam("entityType", "assessment")
                .queryParam("entityId", id).get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("items.action", String.class);
        assertThat(actions).containsExactly("assessment.items-filled", "assessment.opened");
    }
}
