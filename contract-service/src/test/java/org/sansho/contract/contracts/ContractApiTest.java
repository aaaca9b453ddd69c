package org.sansho.contract.contracts;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

@QuarkusTest
class ContractApiTest {

    @Test
    void opening_a_contract_answers_201_with_location_etag_and_the_computed_notice_deadline_and_publishes_created()
            throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        String id = as("procurement", p.hospital()).body(Fixtures.contractBody(p, "6.0", "2.0"))
                .post("/api/v1/contracts")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("state", equalTo("DRAFT")).body("phase", equalTo("PRE_CONTRACT"))
                .body("hospitalId", equalTo(p.hospital().toString()))
                .body("serviceModel", equalTo("SAAS"))
                // 2028-03-31 minus the longer notice period (the vendor's 180 days)
                .body("term.noticeDeadline", equalTo("2027-10-03"))
                .body("sla.rtoHours", is(24))
                .body("responsibilities.party", hasItem("SHARED"))
                .extract().path("id");
        as("auditor", p.hospital()).get("/api/v1/contracts/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("title", equalTo("電子カルテ クラウドサービス利用契約"));
        // created, then the responsibility split given with it
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.forKey("contract.events", id).size() == 2);
        var created = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TopicRecords.forKey("contract.events", id).get(0).value());
        assertThat(created.path("type").asText()).isEqualTo("org.sansho.contract.created.v1");
        assertThat(created.path("data").path("vendorId").asText()).isEqualTo(p.vendor().toString());
        assertThat(created.path("data").path("state").asText()).isEqualTo("DRAFT");
    }

    @Test
    void a_retried_create_with_the_same_idempotency_key_returns_the_first_contract_and_creates_no_duplicate() {
        Fixtures.Parties p = Fixtures.parties();
        Map<String, Object> body = Fixtures.contractBody(p, "6.0", "2.0");
        String first = as("procurement", p.hospital()).header("Idempotency-Key", "open-" + p.hospital()).body(body)
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id");
        as("procurement", p.hospital()).header("Idempotency-Key", "open-" + p.hospital()).body(body)
                .post("/api/v1/contracts").then().statusCode(201)
                .header("Location", endsWith("/api/v1/contracts/" + first)).body("id", equalTo(first));
        as("procurement", p.hospital()).get("/api/v1/contracts").then().body("totalItems", is(1));
    }

    @Test
    void bad_input_is_a_400_problem_naming_the_field_and_creates_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("term", Map.of("startDate", "2028-04-01", "endDate", "2025-03-31", "autoRenewal", false,
                "hospitalNoticeDays", 90, "vendorNoticeDays", 90));
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("term.endDate"));
        body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("baseline", List.of(Map.of("guidelineId", "", "version", "6.0")));
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts")
                .then().statusCode(400).body("errors.field", hasItem("baseline[0].guidelineId"));
        body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("sla", Map.of("availabilityPercent", 120));
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts")
                .then().statusCode(400).body("errors.field", hasItem("sla.availabilityPercent"));
        body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("dataCategories", List.of("GENOMES"));
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(400);
        body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("vendorId", UUID.randomUUID().toString());
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts")
                .then().statusCode(400).body("errors.field", hasItem("vendorId"));
        as("procurement", p.hospital()).get("/api/v1/contracts").then().body("totalItems", is(0));
    }

    @Test
    void patch_needs_if_match_answers_412_when_stale_and_publishes_amended() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        Map<String, Object> patch = Map.of("sla", Map.of("availabilityPercent", 99.9, "rtoHours", 12));
        as("procurement", p.hospital()).body(patch).patch("/api/v1/contracts/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        as("procurement", p.hospital()).header("If-Match", "\"0\"").body(patch).patch("/api/v1/contracts/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("sla.rtoHours", is(12));
        // A term change recomputes the notice deadline.
        as("procurement", p.hospital()).header("If-Match", "\"1\"").body(Map.of("term", Map.of("startDate",
                        "2025-04-01", "endDate", "2029-03-31", "autoRenewal", true, "hospitalNoticeDays", 90,
                        "vendorNoticeDays", 30)))
                .patch("/api/v1/contracts/" + id).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("term.noticeDeadline", equalTo("2028-12-31"));
        as("procurement", p.hospital()).header("If-Match", "\"2\"").body(Map.of("baseline",
                        List.of(Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0"),
                                Map.of("guidelineId", "mhlw-medical-information-security", "version", "5.2"))))
                .patch("/api/v1/contracts/" + id).then().statusCode(400).body("errors.field", hasItem("baseline"));
        as("procurement", p.hospital()).header("If-Match", "\"0\"").body(Map.of("title", "stale"))
                .patch("/api/v1/contracts/" + id).then().statusCode(412);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().body("title",
                equalTo("電子カルテ クラウドサービス利用契約"));
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecords.forKey("contract.events", id.toString())
                .stream().anyMatch(r -> r.value().contains("contract.amended.v1") && r.value().contains("\"sla\"")));
    }

    @Test
    void a_read_with_the_current_etag_in_if_none_match_is_304_without_a_body_until_the_contract_changes() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        String path = "/api/v1/contracts/" + id;
        as("procurement", p.hospital()).get(path).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .header("Cache-Control", allOf(containsString("private"), containsString("no-cache")));
        as("vendor", p.vendor()).header("If-None-Match", "\"0\"").get(path).then().statusCode(304)
                .header("ETag", equalTo("\"0\"")).body(emptyString());
        as("procurement", p.hospital()).header("If-Match", "\"0\"").body(Map.of("title", "改定後の契約"))
                .patch(path).then().statusCode(200);
        as("procurement", p.hospital()).header("If-None-Match", "\"0\"").get(path).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("title", equalTo("改定後の契約"));
        // a caller who may not see the contract learns nothing from a tag either
        as("procurement", UUID.randomUUID()).header("If-None-Match", "\"1\"").get(path).then().statusCode(404);
    }

    @Test
    void lists_are_filtered_paginated_and_only_hold_the_callers_contracts() {
        Fixtures.Parties p = Fixtures.parties();
        UUID first = Fixtures.openContract(p);
        UUID second = Fixtures.openContract(p);
        as("procurement", p.hospital()).body(Map.of("to", "DISCLOSURE_REQUESTED"))
                .post("/api/v1/contracts/" + second + "/transitions").then().statusCode(200);
        as("procurement", p.hospital()).get("/api/v1/contracts?state=DISCLOSURE_REQUESTED")
                .then().body("items.id", equalTo(List.of(second.toString())));
        as("procurement", p.hospital()).get("/api/v1/contracts?size=1&page=1")
                .then().body("totalItems", is(2)).body("totalPages", is(2)).body("items.size()", is(1));
        as("procurement", p.hospital()).get("/api/v1/contracts?noticeDeadlineBefore=2027-10-02")
                .then().body("totalItems", is(0));
        as("procurement", p.hospital()).get("/api/v1/contracts?noticeDeadlineBefore=2027-10-03&phase=PRE_CONTRACT"
                + "&reagreementRequired=false&vendorId=" + p.vendor()).then().body("totalItems", is(2));
        as("vendor", p.vendor()).get("/api/v1/contracts").then().body("totalItems", is(2));
        as("procurement", p.hospital()).get("/api/v1/contracts?size=500").then().statusCode(400);
        // a state outside the vocabulary is the same 400 problem naming the parameter as in every service
        as("procurement", p.hospital()).get("/api/v1/contracts?state=SIGNED").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("state")));

        Fixtures.Parties other = Fixtures.parties();
        as("procurement", other.hospital()).get("/api/v1/contracts").then().body("totalItems", is(0));
        as("procurement", other.hospital()).get("/api/v1/contracts/" + first).then().statusCode(404);
        as("vendor", other.vendor()).get("/api/v1/contracts/" + first).then().statusCode(404);
        as("auditor", other.hospital()).get("/api/v1/contracts/" + first + "/history").then().statusCode(404);
        // A vendor reads its contract but does not move it.
        as("vendor", p.vendor()).body(Map.of("to", "CANCELLED")).post("/api/v1/contracts/" + first + "/transitions")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).get("/api/v1/contracts").then().statusCode(401);
    }

    @Test
    void concurrent_transitions_on_one_contract_have_exactly_one_winner_and_409_or_412_for_the_rest()
            throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        String token = TestTokens.token("procurement", p.hospital());
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                boolean withIfMatch = i % 2 == 0;
                calls.add(() -> {
                    var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("to", "DISCLOSURE_REQUESTED"));
                    if (withIfMatch) {
                        request.header("If-Match", "\"0\"");
                    }
                    return request.post("/api/v1/contracts/" + id + "/transitions").statusCode();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 409 || s == 412);
        } finally {
            pool.shutdownNow();
        }
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/history")
                .then().body("totalItems", is(1));
    }
}
