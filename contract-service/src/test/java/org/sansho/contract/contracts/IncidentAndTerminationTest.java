package org.sansho.contract.contracts;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

@QuarkusTest
class IncidentAndTerminationTest {

    @Test
    void an_incident_cannot_be_reported_before_the_contract_is_active_and_changes_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        as("vendor", p.vendor()).body(incident("2025-06-01T08:00:00+09:00", "2025-06-01T08:30:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(409);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/incidents").then().body("totalItems", is(0));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void an_incident_notified_within_the_sla_hours_is_marked_so_and_a_second_one_keeps_the_contract_in_incident() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.activeContract(p);
        as("procurement", p.hospital()).body(incident("2025-06-01T08:00:00+09:00", "2025-06-01T08:30:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(201)
                .body("notifiedWithinSla", is(true)).body("reportedByParty", equalTo("HOSPITAL"));
        as("vendor", p.vendor()).body(incident("2025-06-02T08:00:00+09:00", "2025-06-02T07:00:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(400)
                .body("errors.field", hasItem("notifiedAt"));
        as("vendor", p.vendor()).body(Map.of("summary", "x", "ciaImpact", List.of("Z"),
                        "detectedAt", "2025-06-02T08:00:00+09:00", "notifiedAt", "2025-06-02T09:00:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(400);
        as("vendor", p.vendor()).body(incident("2025-06-02T08:00:00+09:00", "2025-06-02T08:10:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(201);
        as("auditor", p.hospital()).get("/api/v1/contracts/" + id + "/incidents").then().body("totalItems", is(2));
        as("auditor", p.hospital()).body(incident("2025-06-02T08:00:00+09:00", "2025-06-02T08:10:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(403);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id + "/history?size=100").then()
                .body("items.to", equalTo(List.of("DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT", "AGREED", "ACTIVE",
                        "INCIDENT")));
    }

    @Test
    void termination_evidence_is_written_by_the_right_side_at_the_right_step() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.activeContract(p);
        String base = "/api/v1/contracts/" + id + "/termination";
        Map<String, Object> certificate = Map.of("certificateRef", "DEL-1", "deletedBy", "山田", "media", "HDD",
                "method", "degaussing", "deletedOn", "2028-03-10");
        as("vendor", p.vendor()).body(certificate).post(base + "/deletion-certificate").then().statusCode(409);
        as("vendor", p.vendor()).body(Map.of("noticedOn", "2027-09-01")).post(base + "/notice").then().statusCode(200)
                .body("noticedByParty", equalTo("VENDOR"));
        as("procurement", p.hospital()).body(Map.of("noticedOn", "2027-09-02")).post(base + "/notice")
                .then().statusCode(409);
        as("procurement", p.hospital()).body(Map.of("to", "TERMINATION_NOTICED"))
                .post("/api/v1/contracts/" + id + "/transitions").then().statusCode(200);
        as("procurement", p.hospital()).post(base + "/data-return/confirmation").then().statusCode(409);
        as("procurement", p.hospital()).body(Map.of("returnedOn", "2028-02-15", "note", "export"))
                .post(base + "/data-return").then().statusCode(403);
        as("vendor", p.vendor()).body(Map.of("returnedOn", "2028-02-15", "note", "export"))
                .post(base + "/data-return").then().statusCode(200);
        as("procurement", p.hospital()).post(base + "/data-return/confirmation").then().statusCode(200)
                .body("dataReturnConfirmedBy", equalTo("user-procurement@" + p.hospital()));
        as("vendor", p.vendor()).body(Map.of("certificateRef", "DEL-1")).post(base + "/deletion-certificate")
                .then().statusCode(400);
        as("auditor", p.vendor()).get(base).then().statusCode(200).body("noticedOn", equalTo("2027-09-01"));
        as("auditor", UUID.randomUUID()).get(base).then().statusCode(404);
    }

    private static Map<String, Object> incident(String detectedAt, String notifiedAt) {
        return Map.of("summary", "障害", "ciaImpact", List.of("A"), "detectedAt", detectedAt,
                "notifiedAt", notifiedAt, "timeline", List.of(Map.of("at", detectedAt, "what", "detected")));
    }
}
