package org.sansho.contract;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.sansho.identifiers.CorporateNumber;
import org.sansho.testsupport.TestTokens;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.sansho.contract.catalog.PublishedVersions;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.testsupport.TestKafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        return CorporateNumber.of(SEQUENCE.incrementAndGet() * 7919 % 1_000_000_000_000L);
    }

    public static RequestSpecification as(String role, UUID organization) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, organization)).contentType(ContentType.JSON);
    }

    /** A hospital and a vendor with one SaaS service, registered by the hospital's procurement. */
    public record Parties(UUID hospital, UUID vendor, UUID service) {
    }

    public static Parties parties() {
        standardBaselines();
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

    /** A contract body for the parties, with the given baseline versions of the MHLW and vendor guidelines. */
    public static Map<String, Object> contractBody(Parties p, String mhlwVersion, String vendorGlVersion) {
        return Map.of(
                "vendorId", p.vendor().toString(),
                "serviceId", p.service().toString(),
                "title", "電子カルテ クラウドサービス利用契約",
                "baseline", java.util.List.of(
                        Map.of("guidelineId", "mhlw-medical-information-security", "version", mhlwVersion),
                        Map.of("guidelineId", "meti-mic-medical-service-provider", "version", vendorGlVersion)),
                "dataCategories", java.util.List.of("LEGAL_RETENTION_RECORDS", "OTHER_PERSONAL_HEALTH_INFO"),
                "term", Map.of("startDate", "2025-04-01", "endDate", "2028-03-31", "autoRenewal", false,
                        "hospitalNoticeDays", 90, "vendorNoticeDays", 180),
                "sla", Map.of("availabilityPercent", 99.5, "rtoHours", 24, "rpoHours", 24,
                        "incidentNotificationHours", 1, "backupGenerations", 7, "offlineBackupCopy", true,
                        "dataRegion", "JP-East"),
                "responsibilities", java.util.List.of(
                        Map.of("key", "Part2 バックアップ", "party", "SHARED", "note", "backups"),
                        Map.of("key", "Part2 8", "party", "VENDOR")));
    }

    /** Opens a contract and answers its id. */
    public static UUID openContract(Parties p) {
        return UUID.fromString(as("procurement", p.hospital()).body(contractBody(p, "6.0", "2.0"))
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id"));
    }

    /** The role-sharing checklist's items (2024 確認表) as the running catalog holds them: ref, party, requirements. */
    public static java.util.List<Map<String, Object>> checklistItems() {
        return RestAssured.given().auth().oauth2(TestTokens.token("service"))
                .get(CatalogTestResource.catalog().baseUrl() + "/api/v1/disclosure-templates/role-sharing-checklist-2024")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** A split that gives every checklist item the side the catalog suggests for it. */
    public static java.util.List<Map<String, Object>> fullSplit() {
        return checklistItems().stream().map(i -> Map.<String, Object>of("key", i.get("ref"), "party", i.get("party"),
                "note", "as the checklist suggests")).toList();
    }

    /**
     * The hospital sets a full responsibility split and the vendor acknowledges it, as the AGREED guard requires
     * (every Part 2 item assigned, acknowledged by the vendor).
     */
    public static void agreeOnResponsibilitySplit(Parties p, UUID contract) {
        as("procurement", p.hospital()).body(Map.of("items", fullSplit()))
                .put("/api/v1/contracts/" + contract + "/responsibility-split").then().statusCode(200);
        as("vendor", p.vendor()).post("/api/v1/contracts/" + contract + "/responsibility-split/acknowledgement")
                .then().statusCode(200);
    }

    /** The versions the fixtures' contracts are built on, as the catalog publishes them (mhlw 6.0, meti-mic 2.0). */
    private static final java.util.concurrent.atomic.AtomicBoolean STANDARD = new java.util.concurrent.atomic.AtomicBoolean();

    public static void standardBaselines() {
        if (STANDARD.compareAndSet(false, true)) {
            publishVersion("mhlw-medical-information-security", "6.0", List.of("MHLW6-SYS-14.1", "MHLW6-SYS-8.1"));
            publishVersion("meti-mic-medical-service-provider", "2.0", List.of("METI2-4.1", "METI2-5.2"));
        }
    }

    /**
     * Sends the catalog's publication of a first version of {@code guideline} with the given requirement keys, and
     * waits until the contract-service knows it (a baseline may only name a published version with requirements).
     */
    public static void publishVersion(String guideline, String version, List<String> keys) {
        String keyList = keys.stream().map(k -> "\"" + k + "\"").collect(java.util.stream.Collectors.joining(","));
        String event = cloudEvent("org.sansho.catalog.guideline-version.published.v1", guideline,
                "/sansho/catalog-service", "{\"guidelineId\":\"" + guideline + "\",\"version\":\"" + version
                        + "\",\"publishedOn\":\"2025-01-01\",\"supersedes\":[],\"addedKeys\":[" + keyList
                        + "],\"removedKeys\":[],\"changedKeys\":[]}");
        produce("catalog.events", guideline, event);
        VersionRef ref = new VersionRef(guideline, version);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                        .instance(PublishedVersions.class).get().content(ref) != null));
    }

    /**
     * The vendor answers every row of the contract's disclosure package and the hospital accepts each answer: the
     * shared understanding (共通理解) that UNDER_ASSESSMENT and AGREED need. Answers the rows' keys.
     */
    public static java.util.List<String> shareUnderstanding(Parties p, UUID contract) {
        String base = "/api/v1/contracts/" + contract + "/disclosure";
        java.util.List<String> keys = as("vendor", p.vendor()).get(base).then().statusCode(200)
                .extract().path("items.key");
        for (String key : keys) {
            as("vendor", p.vendor()).body(Map.of("statement", "回答: " + key))
                    .put(base + "/items/" + key).then().statusCode(200);
        }
        for (String key : keys) {
            as("procurement", p.hospital()).body(Map.of("decision", "ACCEPTED"))
                    .post(base + "/items/" + key + "/review").then().statusCode(200);
        }
        as("procurement", p.hospital()).get(base).then().statusCode(200)
                .body("sharedUnderstanding", org.hamcrest.Matchers.is(true));
        return keys;
    }

    /** Sends one record to a topic of the test broker, as another service's relay would, and waits for its ack. */
    public static void produce(String topic, String key, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An opened contract brought to ACTIVE (see {@link #activate}), assessed on 2025-03-01 and signed on 2025-03-20. */
    public static UUID activeContract(Parties p) {
        return activate(p, openContract(p), "2025-03-01T00:00:00Z", "2025-03-20");
    }

    /**
     * Brings an opened contract to ACTIVE through every guard on the way, as the parties would: the disclosure
     * package's shared understanding, DISCLOSURE_REQUESTED and UNDER_ASSESSMENT, an ACCEPTABLE pre-contract
     * assessment completed at {@code assessedAt} (sent as the assessment-service would), the responsibility split
     * agreed, AGREED once the contract-service has seen the verdict, and ACTIVE signed on {@code signedOn}.
     */
    public static UUID activate(Parties p, UUID contract, String assessedAt, String signedOn) {
        shareUnderstanding(p, contract);
        for (String to : List.of("DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT")) {
            as("procurement", p.hospital()).body(Map.of("to", to))
                    .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(200);
        }
        produce("assessment.events", contract.toString(), assessmentResult("org.sansho.assessment.completed.v1", p,
                contract, "PRE_CONTRACT", "ACCEPTABLE", 0, assessedAt));
        agreeOnResponsibilitySplit(p, contract);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as("procurement", p.hospital()).body(Map.of("to", "AGREED"))
                        .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(200));
        as("procurement", p.hospital()).body(Map.of("to", "ACTIVE", "signedOn", signedOn))
                .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(200);
        return contract;
    }

    /** A structured CloudEvent as another service would publish it. */
    public static String cloudEvent(String type, String subject, String source, String dataJson) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"" + source
                + "\",\"type\":\"" + type + "\",\"subject\":\"" + subject + "\",\"time\":\""
                + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC) + "\",\"datacontenttype\":"
                + "\"application/json\",\"data\":" + dataJson + "}";
    }

    /** An AssessmentResult event for a contract. */
    public static String assessmentResult(String type, Parties p, UUID contract, String phase, String verdict,
                                          int openMandatoryGaps, String completedAt) {
        return cloudEvent(type, contract.toString(), "/sansho/assessment-service", "{\"assessmentId\":\""
                + UUID.randomUUID() + "\",\"contractId\":\"" + contract + "\",\"hospitalId\":\"" + p.hospital()
                + "\",\"vendorId\":\"" + p.vendor() + "\",\"phase\":\"" + phase + "\",\"verdict\":\"" + verdict
                + "\",\"score\":87.5,\"openMandatoryGaps\":" + openMandatoryGaps + ",\"acceptedMandatoryGaps\":0,"
                + "\"openRecommendedGaps\":2,\"completedAt\":\"" + completedAt + "\"}");
    }
}
