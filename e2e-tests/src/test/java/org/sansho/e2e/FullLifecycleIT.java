package org.sansho.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * One contract through every phase of 2省GL §3.2 across the three services: disclosure opens the pre-contract
 * assessment, the vendor answers, the hospital reviews and completes it, the verdict lets the contract be AGREED,
 * it runs, has an incident closed by an agreed recurrence-prevention measure, goes through a periodic review (an
 * in-contract assessment), is terminated (notice, data return, deletion certificate, post-termination assessment)
 * and CLOSED. Every event on every topic is checked (types, order per contract, CloudEvents attributes), and so is
 * the final state each service reports.
 */
class FullLifecycleIT {

    private static final String CONTRACT = "org.sansho.contract.";
    private static final String ASSESSMENT = "org.sansho.assessment.";
    private final Suite suite = Suite.get();

    @Test
    void a_contract_goes_from_draft_to_closed_across_the_three_services_with_every_event_accounted_for() {
        long start = System.nanoTime();
        Suite.Parties p = suite.parties();
        UUID id = suite.openContract(p, List.of(Map.of("guidelineId", suite.guideline, "version", "1")));
        ReviewDriver review = new ReviewDriver(suite, p, id);

        // Before the contract: disclosure, assessment, explicit agreement.
        suite.transition(p, id, "DISCLOSURE_REQUESTED");
        String pre = review.awaitOpened("PRE_CONTRACT");
        assertThat(review.itemKeys(pre)).containsExactlyInAnyOrder(Suite.key(suite.guideline, "disclose"),
                Suite.key(suite.guideline, "split"));
        review.answerAll(pre);
        review.submit(pre);
        suite.shareUnderstanding(p, id);
        suite.transition(p, id, "UNDER_ASSESSMENT");
        review.evaluateAll(pre);
        assertThat(review.complete(pre)).isEqualTo("ACCEPTABLE");
        review.awaitVerdictKnownToContract("PRE_CONTRACT", "ACCEPTABLE");
        suite.transition(p, id, "AGREED");

        // During the contract: signed, an incident with an agreed recurrence-prevention measure, a periodic review.
        Suite.as(suite.contract, "procurement", p.hospital())
                .body(Map.of("to", "ACTIVE", "signedOn", LocalDate.now().minusDays(2).toString()))
                .post("/api/v1/contracts/" + id + "/transitions").then().statusCode(200);
        String incident = Suite.as(suite.contract, "vendor", p.vendor()).body(Map.of("summary", "ランサムウェアによる暗号化",
                        "ciaImpact", List.of("A", "I"), "detectedAt", OffsetDateTime.now().minusHours(3).toString(),
                        "notifiedAt", OffsetDateTime.now().minusHours(2).minusMinutes(30).toString()))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(201).extract().path("id");
        assertThat(contract(p, id).getString("state")).isEqualTo("INCIDENT");
        String incidentPath = "/api/v1/contracts/" + id + "/incidents/" + incident;
        Suite.as(suite.contract, "vendor", p.vendor()).body(Map.of("measure", "offline backups, EDR on every server"))
                .post(incidentPath + "/measure").then().statusCode(200);
        Suite.as(suite.contract, "procurement", p.hospital()).post(incidentPath + "/agreement").then().statusCode(200);
        Suite.as(suite.contract, "vendor", p.vendor()).post(incidentPath + "/agreement").then().statusCode(200);
        suite.transition(p, id, "ACTIVE");

        // Keeping the agreement current (2省GL §3.2.2): an SLA amendment opens a re-agreement case that closes only
        // when both sides consent.
        Suite.as(suite.contract, "procurement", p.hospital()).header("If-Match", etag(p, id))
                .body(Map.of("sla", Map.of("availabilityPercent", 99.9, "rtoHours", 12, "rpoHours", 12,
                        "incidentNotificationHours", 1, "dataRegion", "JP-East")))
                .patch("/api/v1/contracts/" + id).then().statusCode(200).body("reagreementRequired", equalTo(true));
        String reagreement = "/api/v1/contracts/" + id + "/reagreements/" + Suite.as(suite.contract, "vendor",
                        p.vendor()).queryParam("open", true).get("/api/v1/contracts/" + id + "/reagreements")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].amendedFields", hasItem("sla")).extract().path("items[0].id");
        Suite.as(suite.contract, "vendor", p.vendor()).post(reagreement + "/consent").then().statusCode(200)
                .body("closedAt", nullValue());
        Suite.as(suite.contract, "procurement", p.hospital()).post(reagreement + "/consent").then().statusCode(200)
                .body("closedAt", notNullValue());
        assertThat(contract(p, id).getBoolean("reagreementRequired")).isFalse();

        // A term that ended without notice rolls over: the reminder job renews it and recomputes the notice deadline.
        LocalDate ended = LocalDate.now().minusDays(10);
        Suite.as(suite.contract, "procurement", p.hospital()).header("If-Match", etag(p, id))
                .body(Map.of("term", Map.of("startDate", ended.minusYears(1).plusDays(1).toString(),
                        "endDate", ended.toString(), "autoRenewal", true, "renewalMonths", 12,
                        "hospitalNoticeDays", 90, "vendorNoticeDays", 180)))
                .patch("/api/v1/contracts/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> contract(p, id).getString("term.endDate"),
                end -> end != null && LocalDate.parse(end).equals(ended.plusYears(1)));

        suite.transition(p, id, "UNDER_REVIEW");
        String in = review.awaitOpened("IN_CONTRACT");
        assertThat(review.itemKeys(in)).containsExactlyInAnyOrder(Suite.key(suite.guideline, "split"),
                Suite.key(suite.guideline, "operate"));
        review.answerAll(in);
        review.submit(in);
        review.evaluateAll(in);
        assertThat(review.complete(in)).isEqualTo("ACCEPTABLE");
        // The review ends on its own result, once the contract-service knows it.
        review.awaitVerdictKnownToContract("IN_CONTRACT", "ACCEPTABLE");
        suite.transition(p, id, "ACTIVE");

        // After the contract: notice, data return, deletion certificate, post-termination assessment.
        Suite.as(suite.contract, "procurement", p.hospital())
                .body(Map.of("noticedOn", LocalDate.now().toString(), "reason", "new EHR"))
                .post("/api/v1/contracts/" + id + "/termination/notice").then().statusCode(200);
        suite.transition(p, id, "TERMINATION_NOTICED");
        String post = review.awaitOpened("POST_TERMINATION");
        assertThat(review.itemKeys(post)).containsExactly(Suite.key(suite.guideline, "delete"));
        suite.transition(p, id, "DATA_RETURN");
        Suite.as(suite.contract, "vendor", p.vendor()).body(Map.of("returnedOn", LocalDate.now().toString(),
                "note", "SS-MIX2 export")).post("/api/v1/contracts/" + id + "/termination/data-return")
                .then().statusCode(200);
        Suite.as(suite.contract, "procurement", p.hospital())
                .post("/api/v1/contracts/" + id + "/termination/data-return/confirmation").then().statusCode(200);
        suite.transition(p, id, "DATA_DELETION");
        Suite.as(suite.contract, "vendor", p.vendor()).body(Map.of("certificateRef", "DEL-E2E-0001",
                        "deletedBy", "消去業者 山田", "media", "SSD x 4", "method", "crypto-erase then shredding",
                        "deletedOn", LocalDate.now().toString()))
                .post("/api/v1/contracts/" + id + "/termination/deletion-certificate").then().statusCode(200);
        review.answerAll(post);
        review.submit(post);
        review.evaluateAll(post);
        assertThat(review.complete(post)).isEqualTo("ACCEPTABLE");
        review.awaitVerdictKnownToContract("POST_TERMINATION", "ACCEPTABLE");
        suite.transition(p, id, "CLOSED");

        // Every event on every topic, in order per contract, with its CloudEvents attributes.
        List<ConsumerRecord<String, String>> contractEvents = await().atMost(Duration.ofSeconds(60))
                .until(() -> suite.records(Suite.CONTRACT_EVENTS, id.toString()),
                        r -> r.stream().anyMatch(e -> e.value().contains(CONTRACT + "closed.v1")));
        assertThat(contractEvents.stream().map(r -> type(r) + transition(r)).toList()).containsExactly(
                CONTRACT + "created.v1", CONTRACT + "state-changed.v1 DRAFT>DISCLOSURE_REQUESTED",
                CONTRACT + "disclosure.shared-understanding-reached.v1",
                CONTRACT + "state-changed.v1 DISCLOSURE_REQUESTED>UNDER_ASSESSMENT",
                // the responsibility split set by the hospital, then acknowledged by the vendor
                CONTRACT + "responsibility-split-changed.v1", CONTRACT + "responsibility-split-changed.v1",
                CONTRACT + "state-changed.v1 UNDER_ASSESSMENT>AGREED", CONTRACT + "state-changed.v1 AGREED>ACTIVE",
                CONTRACT + "state-changed.v1 ACTIVE>INCIDENT", CONTRACT + "incident-reported.v1",
                CONTRACT + "state-changed.v1 INCIDENT>ACTIVE",
                // the SLA amendment's re-agreement, both consents; the term's amendment and its renewal
                CONTRACT + "reagreement-required.v1", CONTRACT + "amended.v1", CONTRACT + "reagreement-concluded.v1",
                CONTRACT + "amended.v1", CONTRACT + "renewed.v1",
                CONTRACT + "state-changed.v1 ACTIVE>UNDER_REVIEW",
                CONTRACT + "state-changed.v1 UNDER_REVIEW>ACTIVE",
                CONTRACT + "state-changed.v1 ACTIVE>TERMINATION_NOTICED",
                CONTRACT + "state-changed.v1 TERMINATION_NOTICED>DATA_RETURN",
                CONTRACT + "state-changed.v1 DATA_RETURN>DATA_DELETION",
                CONTRACT + "state-changed.v1 DATA_DELETION>CLOSED", CONTRACT + "closed.v1");
        List<ConsumerRecord<String, String>> assessmentEvents = await().atMost(Duration.ofSeconds(60))
                .until(() -> suite.records(Suite.ASSESSMENT_EVENTS, id.toString()), r -> r.size() >= 9);
        assertThat(assessmentEvents.stream().map(r -> type(r) + " " + Tally.json(r.value()).path("data")
                .path("phase").asText()).toList()).containsExactly(
                ASSESSMENT + "opened.v1 PRE_CONTRACT", ASSESSMENT + "submitted.v1 PRE_CONTRACT",
                ASSESSMENT + "completed.v1 PRE_CONTRACT",
                ASSESSMENT + "opened.v1 IN_CONTRACT", ASSESSMENT + "submitted.v1 IN_CONTRACT",
                ASSESSMENT + "completed.v1 IN_CONTRACT",
                ASSESSMENT + "opened.v1 POST_TERMINATION", ASSESSMENT + "submitted.v1 POST_TERMINATION",
                ASSESSMENT + "completed.v1 POST_TERMINATION");
        // The guideline's events as the catalog published them (another scenario may have redelivered copies).
        Set<String> seen = new HashSet<>();
        List<ConsumerRecord<String, String>> catalogEvents = suite.records(Suite.CATALOG_EVENTS, suite.guideline)
                .stream().filter(r -> seen.add(Tally.json(r.value()).path("id").asText())).toList();
        assertThat(catalogEvents.stream().filter(r -> type(r).equals("org.sansho.catalog.guideline-version.published.v1"))
                .map(r -> Tally.json(r.value()).path("data").path("version").asText()).toList()).containsExactly("1");
        Set<String> ids = new HashSet<>();
        for (var entry : Map.of("/sansho/contract-service", contractEvents, "/sansho/assessment-service",
                assessmentEvents, "/sansho/catalog-service", catalogEvents).entrySet()) {
            assertThat(entry.getValue().stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
            for (ConsumerRecord<String, String> r : entry.getValue()) {
                JsonNode e = Tally.json(r.value());
                assertThat(e.path("specversion").asText()).isEqualTo("1.0");
                assertThat(e.path("source").asText()).isEqualTo(entry.getKey());
                assertThat(e.path("subject").asText()).isEqualTo(r.key());
                assertThat(e.path("datacontenttype").asText()).isEqualTo("application/json");
                assertThat(OffsetDateTime.parse(e.path("time").asText())).isBefore(OffsetDateTime.now().plusMinutes(1));
                assertThat(ids.add(e.path("id").asText())).as("unique id %s", e.path("id")).isTrue();
                assertThat(e.path("data").isObject()).isTrue();
            }
        }
        JsonNode requested = Tally.json(contractEvents.get(1).value()).path("data");
        assertThat(requested.path("contractId").asText()).isEqualTo(id.toString());
        assertThat(requested.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        assertThat(requested.path("vendorId").asText()).isEqualTo(p.vendor().toString());
        assertThat(requested.path("phase").asText()).isEqualTo("PRE_CONTRACT");
        assertThat(requested.path("baseline").get(0).path("guidelineId").asText()).isEqualTo(suite.guideline);
        assertThat(Tally.json(contractEvents.get(contractEvents.size() - 1).value()).path("data").path("deletionCertificateRef").asText())
                .isEqualTo("DEL-E2E-0001");

        // The final state of each service.
        JsonPath closed = contract(p, id);
        assertThat(closed.getString("state")).isEqualTo("CLOSED");
        assertThat(closed.getString("phase")).isEqualTo("POST_TERMINATION");
        assertThat(closed.getList("nextStates")).isEmpty();
        assertThat(Suite.as(suite.contract, "auditor", p.hospital()).get("/api/v1/contracts/" + id + "/history?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.to")).containsExactly(
                "DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT", "AGREED", "ACTIVE", "INCIDENT", "ACTIVE", "UNDER_REVIEW",
                "ACTIVE", "TERMINATION_NOTICED", "DATA_RETURN", "DATA_DELETION", "CLOSED");
        assertThat(Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + id + "/termination")
                .then().statusCode(200).extract().jsonPath().getString("certificateRef"))
                .isEqualTo("DEL-E2E-0001");
        List<Map<String, Object>> verdicts = Suite.as(suite.contract, "procurement", p.hospital())
                .get("/api/v1/contracts/" + id + "/assessments").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(verdicts).extracting(v -> v.get("phase") + " " + v.get("verdict")).containsExactlyInAnyOrder(
                "PRE_CONTRACT ACCEPTABLE", "IN_CONTRACT ACCEPTABLE", "POST_TERMINATION ACCEPTABLE");
        JsonPath assessments = Suite.as(suite.assessment, "auditor", p.hospital()).queryParam("contract", id)
                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
        assertThat(assessments.getList("items", Map.class)).extracting(a -> a.get("phase") + " " + a.get("status"))
                .containsExactlyInAnyOrder("PRE_CONTRACT COMPLETED", "IN_CONTRACT COMPLETED",
                        "POST_TERMINATION COMPLETED");
        JsonPath posture = await().atMost(Duration.ofSeconds(30)).until(() -> Suite.as(suite.assessment, "procurement",
                        p.hospital()).queryParam("hospital", p.hospital()).get("/api/v1/posture").then().statusCode(200)
                .extract().jsonPath(), j -> Integer.valueOf(1).equals(j.get("contractsByState.CLOSED")));
        assertThat(posture.getInt("contracts")).isEqualTo(1);
        assertThat(posture.getInt("openMandatoryGaps")).isZero();
        suite.catalogAdmin().get("/api/v1/guidelines/{g}/versions/{v}", suite.guideline, "1").then().statusCode(200);
        System.out.printf("full lifecycle: lifecycles 1, events published %d (contract %d, assessment %d, catalog %d),"
                        + " consumed %d, lost 0, duplicated 0, %d s%n",
                contractEvents.size() + assessmentEvents.size() + catalogEvents.size(), contractEvents.size(),
                assessmentEvents.size(), catalogEvents.size(), contractEvents.size() + assessmentEvents.size(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private String etag(Suite.Parties p, UUID id) {
        return Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .statusCode(200).extract().header("ETag");
    }

        private JsonPath contract(Suite.Parties p, UUID id) {
        return Suite.as(suite.contract, "procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String type(ConsumerRecord<String, String> r) {
        return Tally.json(r.value()).path("type").asText();
    }

    private static String transition(ConsumerRecord<String, String> r) {
        JsonNode data = Tally.json(r.value()).path("data");
        return type(r).endsWith("state-changed.v1") ? " " + data.path("from").asText() + ">" + data.path("to").asText() : "";
    }
}
