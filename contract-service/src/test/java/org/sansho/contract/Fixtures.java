package org.sansho.contract;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.sansho.contract.organization.domain.CorporateNumber;
import org.sansho.testsupport.TestTokens;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds organizations, services and contracts through the API for tests. */
public final class Fixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Fixtures() {
    }

    /** A fresh valid 法人番号. */
    public static String corporateNumber() {
        String base = String.format("%012d", SEQUENCE.incrementAndGet() * 7919 % 1_000_000_000_000L);
        return CorporateNumber.checkDigit(base) + base;
    }

    public static RequestSpecification as(String role, UUID organization) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, organization)).contentType(ContentType.JSON);
    }

    /** A hospital and a vendor with one SaaS service, registered by the hospital's procurement. */
    public record Parties(UUID hospital, UUID vendor, UUID service) {
    }

    public static Parties parties() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        as("procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "さくら病院",
                        "corporateNumber", corporateNumber()))
                .post("/api/v1/organizations").then().statusCode(201);
        as("procurement", hospital).body(Map.of("kind", "VENDOR", "id", vendor.toString(),
                        "nameJa", "メディクラウド株式会社", "corporateNumber", corporateNumber()))
                .post("/api/v1/organizations").then().statusCode(201);
        String service = as("vendor", vendor).body(Map.of("name", "クラウド電子カルテ", "serviceModel", "SAAS",
                        "dataLocations", java.util.List.of(Map.of("country", "JP", "region", "Tokyo",
                                "domesticJurisdiction", true))))
                .post("/api/v1/organizations/" + vendor + "/services").then().statusCode(201)
                .extract().path("id");
        return new Parties(hospital, vendor, UUID.fromString(service));
    }
}
