package org.sansho.contract.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.contract.reminders.service.ReminderService;
import org.sansho.testsupport.TopicRecords;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.contract.Fixtures.as;

/**
 * 合意の維持 (2省GL §3.2.2): a superseded baseline version, or an amendment of agreed terms, opens a re-agreement case
 * that closes only when both the hospital and the vendor have consented; a case past its due date is announced and
 * holds a review open.
 */
@QuarkusTest
class ReagreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ReminderService reminders;

    @Inject
    Clock clock;

    @Test
    void a_superseding_publication_opens_one_case_per_live_contract_which_closes_only_when_both_sides_consent()
            throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        // A guideline id of its own, so that other tests' contracts are not touched.
        String guideline = "test-guideline-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.publishVersion(guideline, "1.0", List.of("K-1", "K-2"));
        Map<String, Object> body = withBaseline(p, guideline, "1.0");
        String live = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .extract().path("id");
        String cancelled = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then()
                .statusCode(201).extract().path("id");
        as("procurement", p.hospital()).body(Map.of("to", "CANCELLED"))
                .post("/api/v1/contracts/" + cancelled + "/transitions").then().statusCode(200);

        String published = published(guideline, "1.1", "1.0");
        send(guideline, published);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("procurement", p.hospital()).get("/api/v1/contracts/" + live).then()
                        .body("reagreementRequired", is(true)));
        String caseId = as("vendor", p.vendor()).get("/api/v1/contracts/" + live + "/reagreements").then()
                .statusCode(200)
                .body("totalItems", is(1))
                .body("items[0].trigger", equalTo("GUIDELINE_VERSION_PUBLISHED"))
                .body("items[0].superseded.version", equalTo("1.0"))
                .body("items[0].by.version", equalTo("1.1"))
                .body("items[0].addedKeys", equalTo(List.of("K-3")))
                .body("items[0].changedKeys", equalTo(List.of("K-1")))
                .body("items[0].removedKeys", equalTo(List.of("K-2")))
                .body("items[0].amendedFields", equalTo(List.of()))
                .body("items[0].open", is(true))
                .body("items[0].overdue", is(false))
                .body("items[0].hospitalConsent", nullValue())
                .body("items[0].vendorConsent", nullValue())
                .extract().path("items[0].id");
        String openedOn = as("procurement", p.hospital())
                .get("/api/v1/contracts/" + live + "/reagreements/" + caseId).then().statusCode(200)
                .extract().path("openedOn");
        as("procurement", p.hospital()).get("/api/v1/contracts/" + live + "/reagreements/" + caseId).then()
                .body("dueOn", equalTo(LocalDate.parse(openedOn).plusDays(60).toString()));

        // A replay and a second publication for the same superseded version open nothing more.
        send(guideline, published);
        String again = published.replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\"");
        send(guideline, again);
        // the second publication comes after the replay on the guideline's partition: once it is processed, both were
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again));
        List<String> required = events(live, "reagreement-required.v1");
        assertThat(required).hasSize(1);
        JsonNode data = JSON.readTree(required.get(0)).path("data");
        assertThat(data.path("caseId").asText()).isEqualTo(caseId);
        assertThat(data.path("superseded").path("guidelineId").asText()).isEqualTo(guideline);
        assertThat(data.path("changedKeys").get(0).asText()).isEqualTo("K-1");
        assertThat(data.path("contractId").asText()).isEqualTo(live);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + cancelled).then()
                .body("reagreementRequired", is(false));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + cancelled + "/reagreements").then()
                .body("totalItems", is(0));
        as("procurement", p.hospital()).get("/api/v1/contracts?reagreementRequired=true&hospitalId=" + p.hospital())
                .then().body("items.id", equalTo(List.of(live)));

        // Procurement moving the baseline on does not renew the agreement by itself.
        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + live).then().extract().header("ETag");
        as("procurement", p.hospital()).header("If-Match", etag)
                .body(Map.of("baseline", ((Map<?, ?>) withBaseline(p, guideline, "1.1")).get("baseline")))
                .patch("/api/v1/contracts/" + live)
                .then().statusCode(200).body("reagreementRequired", is(true));

        as("procurement", p.hospital()).post("/api/v1/contracts/" + live + "/reagreements/" + caseId + "/consent")
                .then().statusCode(200).body("open", is(true))
                .body("hospitalConsent.by", notNullValue()).body("hospitalConsent.at", notNullValue())
                .body("vendorConsent", nullValue());
        as("procurement", p.hospital()).get("/api/v1/contracts/" + live).then().body("reagreementRequired", is(true));
        as("vendor", p.vendor()).post("/api/v1/contracts/" + live + "/reagreements/" + caseId + "/consent")
                .then().statusCode(200).body("open", is(false)).body("closedAt", notNullValue())
                .body("vendorConsent.at", notNullValue());
        as("procurement", p.hospital()).get("/api/v1/contracts/" + live).then().body("reagreementRequired", is(false));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + live + "/reagreements?open=true").then()
                .body("totalItems", is(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(live, "reagreement-concluded.v1").size() == 1);
        JsonNode concluded = JSON.readTree(events(live, "reagreement-concluded.v1").get(0)).path("data");
        assertThat(concluded.path("caseId").asText()).isEqualTo(caseId);
        assertThat(concluded.path("hospitalConsentBy").asText()).isNotBlank();
        assertThat(concluded.path("vendorConsentBy").asText()).isNotBlank();
    }

    @Test
    void an_amendment_of_agreed_terms_opens_a_case_naming_them_and_an_amendment_before_agreement_opens_none() {
        Fixtures.Parties p = Fixtures.parties();
        UUID draft = Fixtures.openContract(p);
        amend(p, draft, Map.of("sla", sla(99.9)));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + draft + "/reagreements").then()
                .body("totalItems", is(0));

        UUID active = activate(p, Fixtures.openContract(p));
        amend(p, active, Map.of("sla", sla(99.9), "title", "改訂後の契約"));
        as("vendor", p.vendor()).get("/api/v1/contracts/" + active + "/reagreements").then()
                .body("totalItems", is(1))
                .body("items[0].trigger", equalTo("AMENDMENT"))
                .body("items[0].amendedFields", equalTo(List.of("sla")))
                .body("items[0].superseded", nullValue());
        as("vendor", p.vendor()).get("/api/v1/contracts/" + active).then().body("reagreementRequired", is(true));
        // A title alone is not an agreed term.
        amend(p, active, Map.of("title", "もう一度改訂"));
        as("vendor", p.vendor()).get("/api/v1/contracts/" + active + "/reagreements").then()
                .body("totalItems", is(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(active.toString(), "amended.v1").size() == 2);
        assertThat(data(events(active.toString(), "amended.v1").get(0)).path("reagreementRequired").asBoolean())
                .isTrue();
    }

    @Test
    void a_case_open_past_its_due_date_is_announced_once_and_holds_the_review_open_until_both_consent() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = activate(p, Fixtures.openContract(p));
        as("procurement", p.hospital()).body(Map.of("to", "UNDER_REVIEW"))
                .post("/api/v1/contracts/" + id + "/transitions").then().statusCode(200);
        // The agreed split changes: its first checklist item moves to another side.
        List<Map<String, Object>> changed = new java.util.ArrayList<>(Fixtures.fullSplit());
        Map<String, Object> first = new java.util.HashMap<>(changed.get(0));
        first.put("party", "SHARED".equals(first.get("party")) ? "VENDOR" : "SHARED");
        changed.set(0, first);
        amend(p, id, Map.of("responsibilities", changed));
        // The review's own in-contract assessment is acceptable: only the re-agreement holds it.
        kafka.produceStrings().fromRecords(new ProducerRecord<>("assessment.events", id.toString(),
                Fixtures.assessmentResult("org.sansho.assessment.completed.v1", p, id, "IN_CONTRACT", "ACCEPTABLE",
                        0, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1).toString())))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("procurement", p.hospital())
                .get("/api/v1/contracts/" + id + "/assessments").then()
                .body("find { it.phase == 'IN_CONTRACT' }.verdict", equalTo("ACCEPTABLE")));
        String caseId = as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/reagreements").then()
                .body("items[0].amendedFields", equalTo(List.of("responsibilities"))).extract().path("items[0].id");

        // 61 days later the case is overdue.
        QuarkusMock.installMockForType(Clock.fixed(clock.instant().plus(Duration.ofDays(61)), clock.getZone()),
                Clock.class);
        reminders.sendDueToday();
        reminders.sendDueToday();
        as("vendor", p.vendor()).get("/api/v1/contracts/" + id + "/reagreements/" + caseId).then()
                .body("overdue", is(true));
        as("procurement", p.hospital()).body(Map.of("to", "ACTIVE"))
                .post("/api/v1/contracts/" + id + "/transitions")
                .then().statusCode(409).contentType("application/problem+json")
                .body("guards.guard", equalTo(List.of("reagreement-overdue")))
                .body("guards[0].rule", org.hamcrest.Matchers.containsString("§3.2.2"));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().body("state", equalTo("UNDER_REVIEW"));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id.toString(), "reagreement-overdue.v1").size() >= 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> events(id.toString(), "reagreement-overdue.v1").size() == 1);
        JsonNode overdue = data(events(id.toString(), "reagreement-overdue.v1").get(0));
        assertThat(overdue.path("caseId").asText()).isEqualTo(caseId);
        assertThat(overdue.path("hospitalConsented").asBoolean()).isFalse();
        assertThat(overdue.path("dueOn").asText()).isEqualTo(overdue.path("openedOn").asText().isEmpty() ? "?"
                : LocalDate.parse(overdue.path("openedOn").asText()).plusDays(60).toString());

        as("vendor", p.vendor()).post("/api/v1/contracts/" + id + "/reagreements/" + caseId + "/consent")
                .then().statusCode(200);
        as("procurement", p.hospital()).body(Map.of("to", "ACTIVE"))
                .post("/api/v1/contracts/" + id + "/transitions").then().statusCode(409);
        as("procurement", p.hospital()).post("/api/v1/contracts/" + id + "/reagreements/" + caseId + "/consent")
                .then().statusCode(200).body("open", is(false));
        as("procurement", p.hospital()).body(Map.of("to", "ACTIVE"))
                .post("/api/v1/contracts/" + id + "/transitions").then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void a_consent_from_a_caller_who_is_not_a_party_or_on_an_unknown_or_closed_case_is_refused_and_changes_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        Fixtures.Parties other = Fixtures.parties();
        UUID id = activate(p, Fixtures.openContract(p));
        amend(p, id, Map.of("sla", sla(99.0)));
        String caseId = as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/reagreements").then()
                .extract().path("items[0].id");
        String consent = "/api/v1/contracts/" + id + "/reagreements/" + caseId + "/consent";

        as("auditor", p.hospital()).post(consent).then().statusCode(403).contentType("application/problem+json");
        as("procurement", other.hospital()).post(consent).then().statusCode(404)
                .contentType("application/problem+json");
        as("vendor", other.vendor()).post(consent).then().statusCode(404);
        as("procurement", p.hospital()).post("/api/v1/contracts/" + id + "/reagreements/" + UUID.randomUUID()
                + "/consent").then().statusCode(404).contentType("application/problem+json");
        UUID elsewhere = Fixtures.openContract(p);
        as("procurement", p.hospital()).post("/api/v1/contracts/" + elsewhere + "/reagreements/" + caseId
                + "/consent").then().statusCode(404);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/reagreements/" + caseId).then()
                .body("hospitalConsent", nullValue()).body("vendorConsent", nullValue()).body("open", is(true));

        as("procurement", p.hospital()).post(consent).then().statusCode(200);
        as("procurement", p.hospital()).post(consent).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/consent-already-given"));
        as("vendor", p.vendor()).post(consent).then().statusCode(200).body("open", is(false));
        String closedAt = as("vendor", p.vendor()).get("/api/v1/contracts/" + id + "/reagreements/" + caseId).then()
                .extract().path("closedAt");
        as("vendor", p.vendor()).post(consent).then().statusCode(409)
                .body("type", equalTo("https://sansho.dev/problems/reagreement-closed"));
        as("vendor", p.vendor()).get("/api/v1/contracts/" + id + "/reagreements/" + caseId).then()
                .body("closedAt", equalTo(closedAt));
        as("procurement", other.hospital()).get("/api/v1/contracts/" + id + "/reagreements").then().statusCode(404);
    }

    @Test
    void a_catalog_event_with_an_unreadable_payload_goes_to_the_dead_letter_topic() {
        String key = "poison-" + UUID.randomUUID();
        send(key, Fixtures.cloudEvent("org.sansho.catalog.guideline-version.published.v1", key,
                "/sansho/catalog-service", "{\"guidelineId\":\"x\",\"version\":\"2\",\"supersedes\":\"none\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.forKey("catalog.events.dlq", key).size() == 1);
    }

    static Map<String, Object> withBaseline(Fixtures.Parties p, String guideline, String version) {
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("baseline", List.of(Map.of("guidelineId", guideline, "version", version),
                Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0")));
        return body;
    }

    static String published(String guideline, String version, String supersedes) {
        return Fixtures.cloudEvent("org.sansho.catalog.guideline-version.published.v1", guideline,
                "/sansho/catalog-service", "{\"guidelineId\":\"" + guideline + "\",\"version\":\"" + version + "\","
                        + "\"publishedOn\":\"2025-07-01\",\"supersedes\":[{\"guidelineId\":\"" + guideline
                        + "\",\"version\":\"" + supersedes + "\"}],\"addedKeys\":[\"K-3\"],\"removedKeys\":[\"K-2\"],"
                        + "\"changedKeys\":[\"K-1\"]}");
    }

    private static Map<String, Object> sla(double availability) {
        return Map.of("availabilityPercent", availability, "rtoHours", 24, "rpoHours", 24,
                "incidentNotificationHours", 1, "backupGenerations", 7, "offlineBackupCopy", true,
                "dataRegion", "JP-East");
    }

    private static void amend(Fixtures.Parties p, UUID id, Map<String, Object> patch) {
        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().extract().header("ETag");
        as("procurement", p.hospital()).header("If-Match", etag).body(patch).patch("/api/v1/contracts/" + id)
                .then().statusCode(200);
    }

    private UUID activate(Fixtures.Parties p, UUID id) {
        return Fixtures.activate(p, id, "2025-03-01T00:00:00Z", "2025-03-20");
    }

    private static List<String> events(String key, String typeSuffix) {
        return TopicRecords.forKey("contract.events", key).stream().map(r -> r.value())
                .filter(v -> v.contains(typeSuffix)).toList();
    }

    private static JsonNode data(String event) {
        try {
            return JSON.readTree(event).path("data");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
