package org.sansho.contract.organizations;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.sansho.contract.Fixtures.as;

@QuarkusTest
class OrganizationApiTest {

    @Test
    void a_corporate_number_with_a_wrong_check_digit_is_a_400_naming_the_field_and_nothing_is_registered() {
        UUID hospital = UUID.randomUUID();
        as("procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "さくら病院",
                        "corporateNumber", "1000012050002"))
                .post("/api/v1/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("corporateNumber"));
        as("procurement", hospital).get("/api/v1/organizations/" + hospital).then().statusCode(404);
    }

    @Test
    void procurement_registers_its_hospital_under_its_own_id_and_a_vendor_it_deals_with() {
        UUID hospital = UUID.randomUUID();
        as("procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "さくら病院",
                        "corporateNumber", Fixtures.corporateNumber()))
                .post("/api/v1/organizations")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/organizations/" + hospital))
                .body("id", equalTo(hospital.toString()));
        UUID vendor = UUID.randomUUID();
        as("procurement", hospital).body(Map.of("kind", "VENDOR", "id", vendor.toString(), "nameJa", "ベンダー",
                        "corporateNumber", Fixtures.corporateNumber()))
                .post("/api/v1/organizations").then().statusCode(201);
        as("procurement", hospital).get("/api/v1/organizations?kind=VENDOR")
                .then().statusCode(200).body("items.id", equalTo(List.of(vendor.toString())));
        // The vendor's own staff see the record of their organization.
        as("vendor", vendor).get("/api/v1/organizations/" + vendor).then().statusCode(200);
    }

    @Test
    void a_duplicate_corporate_number_is_a_409() {
        String number = Fixtures.corporateNumber();
        UUID hospital = UUID.randomUUID();
        as("procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "A", "corporateNumber", number))
                .post("/api/v1/organizations").then().statusCode(201);
        as("procurement", UUID.randomUUID()).body(Map.of("kind", "HOSPITAL", "nameJa", "B", "corporateNumber", number))
                .post("/api/v1/organizations").then().statusCode(409);
    }

    @Test
    void another_organizations_record_answers_404() {
        Fixtures.Parties p = Fixtures.parties();
        UUID stranger = UUID.randomUUID();
        as("procurement", stranger).get("/api/v1/organizations/" + p.vendor()).then().statusCode(404);
        as("auditor", stranger).get("/api/v1/organizations/" + p.hospital() + "/services").then().statusCode(404);
        as("vendor", stranger).body(Map.of("scheme", "ISMS", "issuedOn", "2024-01-01", "expiresOn", "2027-01-01"))
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(404);
    }

    @Test
    void a_vendor_records_its_services_and_certifications_and_a_retried_post_creates_one() {
        Fixtures.Parties p = Fixtures.parties();
        Map<String, Object> cert = Map.of("scheme", "ISMS", "certificateNumber", "IS 1", "issuedOn", "2024-01-01",
                "expiresOn", "2027-01-01");
        String first = as("vendor", p.vendor()).header("Idempotency-Key", "cert-1").body(cert)
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(201)
                .extract().path("id");
        as("vendor", p.vendor()).header("Idempotency-Key", "cert-1").body(cert)
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(201)
                .body("id", equalTo(first));
        as("procurement", p.hospital()).get("/api/v1/organizations/" + p.vendor() + "/certifications")
                .then().statusCode(200).body("totalItems", is(1));
        as("procurement", p.hospital()).get("/api/v1/organizations/" + p.vendor() + "/services")
                .then().statusCode(200).body("items[0].dataLocations[0].domesticJurisdiction", is(true));
    }

    @Test
    void a_nested_subcontractor_with_a_bad_corporate_number_is_a_400() {
        Fixtures.Parties p = Fixtures.parties();
        as("vendor", p.vendor()).body(Map.of("name", "PaaS", "serviceModel", "PAAS",
                        "dataLocations", List.of(Map.of("country", "JP", "domesticJurisdiction", true)),
                        "subcontractors", List.of(Map.of("name", "DC", "subcontractors",
                                List.of(Map.of("name", "Power", "corporateNumber", "1234567890123"))))))
                .post("/api/v1/organizations/" + p.vendor() + "/services")
                .then().statusCode(400).body("errors[0].field", startsWith("subcontractors"));
    }
}
