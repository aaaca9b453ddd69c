package org.sansho.contract.security;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.security.World;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.sansho.contract.Fixtures.as;

/**
 * Seeds the records the access rules (authorization-rules.yaml) refer to, through the API and the assessment events
 * contract-service consumes: a hospital and its vendor with a service and a certification, an ACTIVE contract with an
 * incident whose measure awaits agreement and a re-agreement case awaiting both consents, and an ACTIVE contract the vendor gave notice on (TERMINATION_NOTICED).
 */
final class SeededWorlds {

    World seed() {
        Fixtures.Parties p = Fixtures.parties();
        as("vendor", p.vendor()).body(Map.of("scheme", "ISMS", "issuedOn", "2024-01-01", "expiresOn", "2027-01-01"))
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(201);
        UUID contract = Fixtures.activeContract(p);
        String incident = as("procurement", p.hospital()).body(Map.of("summary", "障害", "ciaImpact", List.of("A"),
                        "detectedAt", "2025-06-01T08:00:00+09:00", "notifiedAt", "2025-06-01T08:30:00+09:00"))
                .post("/api/v1/contracts/" + contract + "/incidents").then().statusCode(201).extract().path("id");
        as("vendor", p.vendor()).body(Map.of("measure", "アクセス権の棚卸し"))
                .post("/api/v1/contracts/" + contract + "/incidents/" + incident + "/measure").then().statusCode(200);
        // An amendment of the agreed SLA opens a re-agreement case awaiting both sides' consent.
        String etag = as("procurement", p.hospital()).get("/api/v1/contracts/" + contract).getHeader("ETag");
        as("procurement", p.hospital()).header("If-Match", etag)
                .body(Map.of("sla", Map.of("availabilityPercent", 99.9, "rtoHours", 12, "rpoHours", 12,
                        "incidentNotificationHours", 1, "backupGenerations", 7, "offlineBackupCopy", true,
                        "dataRegion", "JP-East")))
                .patch("/api/v1/contracts/" + contract).then().statusCode(200);
        String reagreement = as("procurement", p.hospital()).get("/api/v1/contracts/" + contract + "/reagreements")
                .then().statusCode(200).extract().path("items[0].id");
        UUID ending = Fixtures.activeContract(p);
        as("vendor", p.vendor()).body(Map.of("noticedOn", "2027-09-01"))
                .post("/api/v1/contracts/" + ending + "/termination/notice").then().statusCode(200);
        as("procurement", p.hospital()).body(Map.of("to", "TERMINATION_NOTICED"))
                .post("/api/v1/contracts/" + ending + "/transitions").then().statusCode(200);
        // A DRAFT contract whose vendor answered one disclosure row, and one whose package has not started (a copy
        // target for the answers of the ACTIVE contract's package).
        UUID disclosing = Fixtures.openContract(p);
        as("vendor", p.vendor()).body(Map.of("statement", "データは国内のみに保存します"))
                .put("/api/v1/contracts/" + disclosing + "/disclosure/items/vendor-gl-table-4-1.1")
                .then().statusCode(200);
        UUID copyTarget = Fixtures.openContract(p);
        // Respondent links to the disclosing contract: one to revoke, one to exchange, and one exchanged, whose
        // scoped token (kind "respondent") the matrix sends to every operation.
        String invitations = "/api/v1/contracts/" + disclosing + "/respondent-invitations";
        String invitation = as("procurement", p.hospital()).body(Map.of("contactEmail", "revoke@vendor.example"))
                .post(invitations).then().statusCode(201).extract().path("id");
        String link = as("procurement", p.hospital()).body(Map.of("contactEmail", "link@vendor.example"))
                .post(invitations).then().statusCode(201).extract().path("token");
        String exchanged = as("procurement", p.hospital()).body(Map.of("contactEmail", "used@vendor.example"))
                .post(invitations).then().statusCode(201).extract().path("token");
        String respondent = RestAssured.given().contentType(ContentType.JSON).body(Map.of("token", exchanged))
                .post("/api/v1/respondent-links/exchange").then().statusCode(200).extract().path("accessToken");
        // An exchanged link of scope ASSESSMENT (kind "assessor"): its operations are the assessment-service's, so
        // every operation here refuses it.
        String assessing = as("procurement", p.hospital()).body(Map.of("contactEmail", "assessor@vendor.example",
                "scope", "ASSESSMENT")).post(invitations).then().statusCode(201).extract().path("token");
        String assessor = RestAssured.given().contentType(ContentType.JSON).body(Map.of("token", assessing))
                .post("/api/v1/respondent-links/exchange").then().statusCode(200).extract().path("accessToken");
        Response current = as("procurement", p.hospital()).get("/api/v1/contracts/" + contract);
        return new World()
                .set("hospital", p.hospital()).set("vendor", p.vendor()).set("service", p.service())
                .set("contract", contract).set("contractEtag", current.getHeader("ETag"))
                .set("incident", incident).set("reagreement", reagreement).set("ending", ending)
                .set("disclosing", disclosing).set("copyTarget", copyTarget)
                .set("newCorporateNumber", Fixtures.corporateNumber())
                .set("invitation", invitation).set("link", link).withToken("respondent", respondent)
                .withToken("assessor", assessor)
                .actsFor("procurement", p.hospital()).actsFor("auditor", p.hospital())
                .actsFor("vendor", p.vendor()).actsFor("catalog-admin", p.hospital());
    }
}
