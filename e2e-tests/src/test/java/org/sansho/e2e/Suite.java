package org.sansho.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.sansho.testsupport.ServiceProcess;
import org.sansho.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The three packaged services, each in its own JVM with its own database, on the test PostgreSQL and Kafka;
 * started once for the whole end-to-end run, driven only through HTTP and Kafka.
 */
final class Suite {

    private static Suite running;
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    final ServiceProcess catalog;
    final ServiceProcess contract;
    final ServiceProcess assessment;

    private Suite() {
        catalog = ServiceProcess.start("catalog-service", "e2e_catalog", Map.of());
        contract = ServiceProcess.start("contract-service", "e2e_contract", Map.of());
        assessment = ServiceProcess.start("assessment-service", "e2e_assessment",
                Map.of("QUARKUS_REST_CLIENT_CATALOG_URL", catalog.baseUrl()));
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static synchronized Suite get() {
        if (running == null) {
            running = new Suite();
        }
        return running;
    }

    static RequestSpecification as(ServiceProcess service, String role, UUID organization) {
        return RestAssured.given().baseUri(service.baseUrl()).auth().oauth2(TestTokens.token(role, organization))
                .contentType(ContentType.JSON);
    }

    /** A hospital, a vendor and the vendor's SaaS service, registered through the contract-service. */
    record Parties(UUID hospital, UUID vendor, UUID service) {
    }

    Parties parties() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        as(contract, "procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "みなと総合病院",
                "corporateNumber", corporateNumber())).post("/api/v1/organizations").then().statusCode(201);
        as(contract, "procurement", hospital).body(Map.of("kind", "VENDOR", "id", vendor.toString(),
                        "nameJa", "ヘルスクラウド株式会社", "corporateNumber", corporateNumber()))
                .post("/api/v1/organizations").then().statusCode(201);
        String service = as(contract, "vendor", vendor).body(Map.of("name", "クラウド型電子カルテ",
                        "serviceModel", "SAAS", "dataLocations", List.of(Map.of("country", "JP", "region", "Tokyo",
                                "domesticJurisdiction", true))))
                .post("/api/v1/organizations/" + vendor + "/services").then().statusCode(201).extract().path("id");
        return new Parties(hospital, vendor, UUID.fromString(service));
    }

    UUID openContract(Parties p) {
        Map<String, Object> body = Map.of(
                "vendorId", p.vendor(), "serviceId", p.service(),
                "title", "電子カルテ クラウドサービス利用契約",
                "baseline", List.of(Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0"),
                        Map.of("guidelineId", "meti-mic-medical-service-provider", "version", "1.1")),
                "dataCategories", List.of("LEGAL_RETENTION_RECORDS", "OTHER_PERSONAL_HEALTH_INFO"),
                "term", Map.of("startDate", "2026-04-01", "endDate", "2029-03-31", "autoRenewal", true,
                        "hospitalNoticeDays", 90, "vendorNoticeDays", 180),
                "sla", Map.of("availabilityPercent", 99.5, "rtoHours", 24, "rpoHours", 24,
                        "incidentNotificationHours", 1, "dataRegion", "JP-East"));
        String id = as(contract, "procurement", p.hospital()).body(body).post("/api/v1/contracts")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    void transition(Parties p, UUID contractId, String to) {
        as(contract, "procurement", p.hospital()).body(Map.of("to", to, "reason", "end-to-end"))
                .post("/api/v1/contracts/" + contractId + "/transitions").then().statusCode(200);
    }

    static String corporateNumber() {
        String base = String.format("%012d", SEQUENCE.incrementAndGet() * 7919 % 1_000_000_000_000L);
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base;
    }
}
