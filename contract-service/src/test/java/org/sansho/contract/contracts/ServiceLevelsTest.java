package org.sansho.contract.contracts;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.contract.Fixtures.as;

/** Service levels and data residency that the contract checks, not only stores (2省GL §4.1 表4-1). */
@QuarkusTest
class ServiceLevelsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void a_contract_for_legally_retained_records_on_a_service_storing_data_abroad_is_refused_with_422_and_not_opened() {
        Fixtures.Parties p = Fixtures.parties();
        UUID abroad = foreignService(p);
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("serviceId", abroad.toString());
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("https://sansho.dev/problems/data-residency-refused"))
                .body("guards", hasSize(1))
                .body("guards[0].guard", equalTo("data-residency"))
                .body("guards[0].rule", equalTo("2省GL §4.1 表4-1"));
        as("procurement", p.hospital()).queryParam("vendorId", p.vendor().toString()).get("/api/v1/contracts")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void a_documented_exception_with_reason_and_approver_lets_the_contract_open_and_is_kept_with_it() {
        Fixtures.Parties p = Fixtures.parties();
        UUID abroad = foreignService(p);
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("serviceId", abroad.toString());
        body.put("residencyException", Map.of("reason", "", "approvedBy", "安全管理責任者 佐藤"));
        as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("residencyException.reason"));

        body.put("residencyException", Map.of("reason", "海外リージョンはバックアップのみ、鍵は国内管理",
                "approvedBy", "安全管理責任者 佐藤"));
        String id = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .body("residencyException.reason", equalTo("海外リージョンはバックアップのみ、鍵は国内管理"))
                .body("residencyException.approvedBy", equalTo("安全管理責任者 佐藤"))
                .body("residencyException.recordedBy", equalTo("user-procurement@" + p.hospital()))
                .body("residencyException.recordedAt", notNullValue())
                .extract().path("id");
        as("auditor", p.vendor()).get("/api/v1/contracts/" + id).then().statusCode(200)
                .body("residencyException.approvedBy", equalTo("安全管理責任者 佐藤"));
    }

    @Test
    void data_that_needs_no_residency_check_opens_abroad_and_an_amendment_that_brings_it_under_the_rule_is_refused() {
        Fixtures.Parties p = Fixtures.parties();
        UUID abroad = foreignService(p);
        Map<String, Object> body = new HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.put("serviceId", abroad.toString());
        body.put("dataCategories", List.of("ANONYMIZED"));
        Map<String, Object> sla = new HashMap<>((Map<String, Object>) body.get("sla"));
        sla.remove("dataRegion");
        body.put("sla", sla);
        String id = as("procurement", p.hospital()).body(body).post("/api/v1/contracts").then().statusCode(201)
                .body("residencyException", nullValue()).extract().path("id");

        as("procurement", p.hospital()).header("If-Match", "\"0\"")
                .body(Map.of("dataCategories", List.of("ANONYMIZED", "LEGAL_RETENTION_RECORDS")))
                .patch("/api/v1/contracts/" + id).then().statusCode(422).contentType(PROBLEM)
                .body("guards[0].guard", equalTo("data-residency"));
        as("procurement", p.hospital()).header("If-Match", "\"0\"")
                .body(Map.of("sla", Map.of("dataRegion", "JP-East")))
                .patch("/api/v1/contracts/" + id).then().statusCode(422);
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("dataCategories", equalTo(List.of("ANONYMIZED")));

        as("procurement", p.hospital()).header("If-Match", "\"0\"")
                .body(Map.of("dataCategories", List.of("ANONYMIZED", "LEGAL_RETENTION_RECORDS"),
                        "residencyException", Map.of("reason", "研究用の複製のみ", "approvedBy", "病院長")))
                .patch("/api/v1/contracts/" + id).then().statusCode(200)
                .body("dataCategories", hasItem("LEGAL_RETENTION_RECORDS"))
                .body("residencyException.approvedBy", equalTo("病院長"));
    }

    @Test
    void restore_time_and_data_loss_are_compared_with_the_rto_and_rpo_and_breaches_are_counted_on_the_contract() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.activeContract(p);
        // SLA: notification 1 h, RTO 24 h, RPO 24 h. Notified after 2 h: one breach.
        String late = as("vendor", p.vendor()).body(incident("2025-06-01T08:00:00+09:00", "2025-06-01T10:00:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(201)
                .body("notifiedWithinSla", is(false)).body("withinRto", nullValue()).body("slaBreaches", is(1))
                .extract().path("id");
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().body("slaBreaches", is(1));

        String base = "/api/v1/contracts/" + id + "/incidents/" + late + "/measure";
        as("vendor", p.vendor()).body(Map.of("measure", "復旧手順の見直し", "restoredAt", "2025-06-01T07:00:00+09:00"))
                .post(base).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("restoredAt"));
        as("vendor", p.vendor()).body(Map.of("measure", "復旧手順の見直し", "dataLossMinutes", 10))
                .post(base).then().statusCode(400).contentType(PROBLEM);
        as("vendor", p.vendor()).body(Map.of("measure", "復旧手順の見直し", "restoredAt", "2025-06-01T09:00:00+09:00",
                        "dataLossMinutes", -1))
                .post(base).then().statusCode(400).contentType(PROBLEM);
        as("vendor", p.vendor()).get("/api/v1/contracts/" + id + "/incidents/" + late).then()
                .body("measure", nullValue()).body("restoredAt", nullValue());

        // Restored 30 h after detection (beyond the 24 h RTO), 2 h of data lost (within the 24 h RPO).
        as("vendor", p.vendor()).body(Map.of("measure", "オフラインバックアップの追加",
                        "restoredAt", "2025-06-02T14:00:00+09:00", "dataLossMinutes", 120))
                .post(base).then().statusCode(200)
                .body("restoredAt", equalTo("2025-06-02T05:00:00Z"))
                .body("dataLossMinutes", is(120))
                .body("withinRto", is(false)).body("withinRpo", is(true)).body("slaBreaches", is(2));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().body("slaBreaches", is(2));

        // Corrected figures: restored in 20 h, 30 h of data lost; the count follows the correction.
        as("vendor", p.vendor()).body(Map.of("measure", "オフラインバックアップの追加",
                        "restoredAt", "2025-06-02T04:00:00+09:00", "dataLossMinutes", 1800))
                .post(base).then().statusCode(200)
                .body("withinRto", is(true)).body("withinRpo", is(false)).body("slaBreaches", is(2));
        // A second incident, notified in time and restored within both objectives, adds nothing.
        String timely = as("procurement", p.hospital())
                .body(incident("2025-07-01T08:00:00+09:00", "2025-07-01T08:20:00+09:00"))
                .post("/api/v1/contracts/" + id + "/incidents").then().statusCode(201).extract().path("id");
        as("procurement", p.hospital()).body(Map.of("measure", "監視強化", "restoredAt", "2025-07-01T12:00:00+09:00",
                        "dataLossMinutes", 0))
                .post("/api/v1/contracts/" + id + "/incidents/" + timely + "/measure").then().statusCode(200)
                .body("withinRto", is(true)).body("withinRpo", is(true)).body("slaBreaches", is(0));
        as("auditor", p.hospital()).get("/api/v1/contracts/" + id).then().body("slaBreaches", is(2));
    }

    private static UUID foreignService(Fixtures.Parties p) {
        return UUID.fromString(as("vendor", p.vendor()).body(Map.of("name", "グローバル電子カルテ", "serviceModel", "SAAS",
                        "dataLocations", List.of(
                                Map.of("country", "JP", "region", "Tokyo", "domesticJurisdiction", true),
                                Map.of("country", "US", "region", "us-east-1", "domesticJurisdiction", false))))
                .post("/api/v1/organizations/" + p.vendor() + "/services").then().statusCode(201)
                .extract().path("id"));
    }

    private static Map<String, Object> incident(String detectedAt, String notifiedAt) {
        return Map.of("summary", "ランサムウェアによる停止", "ciaImpact", List.of("A", "I"), "detectedAt", detectedAt,
                "notifiedAt", notifiedAt);
    }
}
