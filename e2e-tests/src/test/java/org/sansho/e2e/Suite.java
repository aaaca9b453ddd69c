package org.sansho.e2e;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.sansho.testsupport.ServiceProcess;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.TopicRecords;
import org.sansho.identifiers.CorporateNumber;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The three packaged services, each in its own JVM with its own database, on the test PostgreSQL and a Kafka
 * broker that runs as its own process (so that a test can stop and restart it); started once for the whole
 * end-to-end run, driven only through HTTP and Kafka.
 */
final class Suite {

    static final String CONTRACT_EVENTS = "contract.events";
    static final String ASSESSMENT_EVENTS = "assessment.events";
    static final String CATALOG_EVENTS = "catalog.events";
    /** Consumer group → the topics it consumes (application.properties of each service). */
    static final Map<String, List<String>> GROUPS = Map.of(
            "contract-service", List.of(ASSESSMENT_EVENTS, CATALOG_EVENTS),
            "assessment-service", List.of(CONTRACT_EVENTS, CATALOG_EVENTS, ASSESSMENT_EVENTS));

    private static Suite running;
    private static RuntimeException failed;
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    final Broker broker;
    final ServiceProcess catalog;
    final ServiceProcess contract;
    final ServiceProcess assessment;
    /** A small guideline of this run (one requirement per phase and a shared one), so a lifecycle is cheap. */
    final String guideline = "e2e-lifecycle-" + UUID.randomUUID().toString().substring(0, 8);

    private Suite() {
        broker = Broker.start();
        Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        catalog = ServiceProcess.start("catalog-service", "e2e_catalog", kafka);
        // The contract-service reads the disclosure templates (disclosure packages) and the role-sharing checklist
        // (responsibility split) of the catalog.
        Map<String, String> contractEnv = new HashMap<>(kafka);
        contractEnv.put("QUARKUS_REST_CLIENT_CATALOG_URL", catalog.baseUrl());
        // The reminder job (notice deadlines, renewals, expiries) runs every few seconds, so a term that ended is
        // renewed while a scenario waits rather than within the hour.
        contractEnv.put("SANSHO_REMINDERS_EVERY", "2s");
        contract = ServiceProcess.start("contract-service", "e2e_contract", contractEnv);
        Map<String, String> assessmentEnv = new HashMap<>(kafka);
        assessmentEnv.put("QUARKUS_REST_CLIENT_CATALOG_URL", catalog.baseUrl());
        assessment = ServiceProcess.start("assessment-service", "e2e_assessment", assessmentEnv);
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 60_000));
        publishGuideline(guideline, "1", Map.of(
                key(guideline, "disclose"), requirement("MANDATORY", "VENDOR", List.of("PRE_CONTRACT"),
                        "Disclose the data location and the operating organization"),
                key(guideline, "split"), requirement("RECOMMENDED", "SHARED", List.of("PRE_CONTRACT", "OPERATION"),
                        "Agree the responsibility split"),
                key(guideline, "operate"), requirement("MANDATORY", "VENDOR", List.of("OPERATION"),
                        "Report the operation status periodically"),
                key(guideline, "delete"), requirement("MANDATORY", "VENDOR", List.of("POST_TERMINATION"),
                        "Return the data and prove its deletion")));
    }

    static synchronized Suite get() {
        if (failed != null) {
            throw new IllegalStateException("the end-to-end suite could not start", failed);
        }
        if (running == null) {
            try {
                running = new Suite();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return running;
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    static RequestSpecification as(ServiceProcess service, String role, UUID organization) {
        return RestAssured.given().baseUri(service.baseUrl()).auth().oauth2(TestTokens.token(role, organization))
                .contentType(ContentType.JSON);
    }

    RequestSpecification catalogAdmin() {
        return RestAssured.given().baseUri(catalog.baseUrl()).auth().oauth2(TestTokens.token("catalog-admin"))
                .contentType(ContentType.JSON);
    }

    /** A hospital, a vendor and the vendor's SaaS service, registered through the contract-service. */
    record Parties(UUID hospital, UUID vendor, UUID service) {
    }

    Parties parties() {
        return parties(contract);
    }

    Parties parties(ServiceProcess contractService) {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        as(contractService, "procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "みなと総合病院",
                "corporateNumber", corporateNumber())).post("/api/v1/organizations").then().statusCode(201);
        as(contractService, "procurement", hospital).body(Map.of("kind", "VENDOR", "id", vendor.toString(),
                        "nameJa", "ヘルスクラウド株式会社", "corporateNumber", corporateNumber()))
                .post("/api/v1/organizations").then().statusCode(201);
        String service = as(contractService, "vendor", vendor).body(Map.of("name", "クラウド型電子カルテ",
                        "serviceModel", "SAAS", "dataLocations", List.of(Map.of("country", "JP", "region", "Tokyo",
                                "domesticJurisdiction", true))))
                .post("/api/v1/organizations/" + vendor + "/services").then().statusCode(201).extract().path("id");
        return new Parties(hospital, vendor, UUID.fromString(service));
    }

    /** A contract on the published MHLW 6.0 and METI/MIC 2.0 guidelines. */
    UUID openContract(Parties p) {
        return openContract(p, List.of(Map.of("guidelineId", "mhlw-medical-information-security", "version", "6.0"),
                Map.of("guidelineId", "meti-mic-medical-service-provider", "version", "2.0")));
    }

    /**
     * Opens a contract on the baseline; a version the catalog has just published reaches the contract-service
     * through catalog.events, so a 422 (baseline not published yet) is asked again for a while.
     */
    UUID openContract(Parties p, List<Map<String, String>> baseline) {
        String[] id = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(250)).until(() -> {
                    var r = as(contract, "procurement", p.hospital()).body(contractBody(p, baseline))
                            .post("/api/v1/contracts");
                    if (r.statusCode() == 422) {
                        return false;
                    }
                    r.then().statusCode(201);
                    id[0] = r.path("id");
                    return true;
                });
        return UUID.fromString(id[0]);
    }

    static Map<String, Object> contractBody(Parties p, List<Map<String, String>> baseline) {
        return Map.of(
                "vendorId", p.vendor(), "serviceId", p.service(),
                "title", "電子カルテ クラウドサービス利用契約",
                "baseline", baseline,
                "dataCategories", List.of("LEGAL_RETENTION_RECORDS", "OTHER_PERSONAL_HEALTH_INFO"),
                "term", Map.of("startDate", "2026-04-01", "endDate", "2029-03-31", "autoRenewal", true,
                        "hospitalNoticeDays", 90, "vendorNoticeDays", 180),
                "sla", Map.of("availabilityPercent", 99.5, "rtoHours", 24, "rpoHours", 24,
                        "incidentNotificationHours", 1, "dataRegion", "JP-East"));
    }

    /**
     * The vendor answers every row of the contract's disclosure package and the hospital accepts each answer: the
     * shared understanding (共通理解, 2省GL §3.2.1) that UNDER_ASSESSMENT and AGREED need.
     */
    void shareUnderstanding(Parties p, UUID contractId) {
        String base = "/api/v1/contracts/" + contractId + "/disclosure";
        List<String> keys = as(contract, "vendor", p.vendor()).get(base).then().statusCode(200)
                .extract().path("items.key");
        for (String key : keys) {
            as(contract, "vendor", p.vendor()).body(Map.of("statement", "end-to-end answer to " + key))
                    .put(base + "/items/" + key).then().statusCode(200);
        }
        for (String key : keys) {
            as(contract, "procurement", p.hospital()).body(Map.of("decision", "ACCEPTED"))
                    .post(base + "/items/" + key + "/review").then().statusCode(200);
        }
    }

    /**
     * Moves the contract on; AGREED first needs the responsibility split agreed (every Part 2 item assigned and
     * acknowledged by the vendor), which {@link #agreeOnResponsibilitySplit} makes.
     */
    void transition(Parties p, UUID contractId, String to) {
        if (to.equals("AGREED")) {
            agreeOnResponsibilitySplit(p, contractId);
        }
        as(contract, "procurement", p.hospital()).body(Map.of("to", to, "reason", "end-to-end"))
                .post("/api/v1/contracts/" + contractId + "/transitions").then().statusCode(200);
    }

    /**
     * The hospital gives every item of the catalog's role-sharing checklist the side the catalog suggests and the
     * vendor acknowledges the split. Repeating it changes nothing (the same split, an acknowledged one).
     */
    void agreeOnResponsibilitySplit(Parties p, UUID contractId) {
        List<Map<String, Object>> items = as(catalog, "service", null)
                .get("/api/v1/disclosure-templates/role-sharing-checklist-2024").then().statusCode(200)
                .extract().jsonPath().getList("items");
        List<Map<String, Object>> split = items.stream().map(i -> Map.<String, Object>of("key", i.get("ref"),
                "party", i.get("party"), "note", "end-to-end")).toList();
        as(contract, "procurement", p.hospital()).body(Map.of("items", split))
                .put("/api/v1/contracts/" + contractId + "/responsibility-split").then().statusCode(200);
        as(contract, "vendor", p.vendor())
                .post("/api/v1/contracts/" + contractId + "/responsibility-split/acknowledgement").then().statusCode(200);
    }

    // --- catalog content -------------------------------------------------------------------------------------

    static String key(String guideline, String name) {
        return guideline.toUpperCase().replace('-', '_') + "-" + name;
    }

    static Map<String, Object> requirement(String obligation, String party, List<String> phases, String title) {
        Map<String, String> text = Map.of("ja", "要求: " + title, "en", title);
        return Map.of("sectionNumber", "1", "ref", "§1", "title", text, "summary", text,
                "obligation", obligation, "category", "GOVERNANCE", "phases", phases,
                "party", party,
                "citation", Map.of("document", "End-to-end guideline", "version", "1", "section", "1", "page", 1),
                "verification", "VERIFIED");
    }

    /** Creates the guideline if needed, drafts {@code version} with exactly these requirements and publishes it. */
    void publishGuideline(String id, String version, Map<String, Map<String, Object>> requirements) {
        int created = catalogAdmin().body(Map.of("id", id, "issuer", "METI_MIC", "audience", "VENDOR",
                "title", Map.of("ja", "エンドツーエンド", "en", "End to end"))).post("/api/v1/guidelines").statusCode();
        if (created != 201 && created != 200 && created != 409) {
            throw new IllegalStateException("guideline " + id + ": " + created);
        }
        catalogAdmin().body(Map.of("version", version)).post("/api/v1/guidelines/{g}/versions", id)
                .then().statusCode(201);
        catalogAdmin().body(Map.of("title", Map.of("ja", "総則", "en", "General")))
                .put("/api/v1/guidelines/{g}/versions/{v}/sections/1", id, version)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(204)));
        requirements.forEach((key, body) -> catalogAdmin().body(body)
                .put("/api/v1/guidelines/{g}/versions/{v}/requirements/{k}", id, version, key)
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(204))));
        catalogAdmin().body(Map.of()).post("/api/v1/guidelines/{g}/versions/{v}/publish", id, version)
                .then().statusCode(200);
    }

    // --- Kafka -----------------------------------------------------------------------------------------------

    List<ConsumerRecord<String, String>> records(String topic) {
        return TopicRecords.read(bootstrap(), topic);
    }

    List<ConsumerRecord<String, String>> records(String topic, String key) {
        return TopicRecords.forKey(bootstrap(), topic, key);
    }

    /** Sends the records again, same key and value, to the same topic. */
    void produce(String topic, Collection<ConsumerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = producer()) {
            records.forEach(r -> producer.send(new ProducerRecord<>(topic, r.key(), r.value())));
            producer.flush();
        }
    }

    void produce(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** Records not yet consumed (end offset minus committed offset) per consumer group, over its topics. */
    Map<String, Long> lag() {
        try (Admin admin = broker.admin()) {
            Map<String, Long> lag = new HashMap<>();
            for (var group : GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                var partitions = admin.describeTopics(group.getValue()).allTopicNames().get(10, TimeUnit.SECONDS)
                        .values().stream().flatMap(d -> d.partitions().stream()
                                .map(pi -> new TopicPartition(d.name(), pi.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(partitions)
                        .all().get(10, TimeUnit.SECONDS);
                long behind = end.entrySet().stream().mapToLong(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue().offset() - (c == null ? 0 : c.offset());
                }).sum();
                lag.put(group.getKey(), behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until both consumer groups have committed every record of their topics. */
    void awaitConsumed(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> lag().values().stream().allMatch(l -> l == 0));
    }

    static String corporateNumber() {
        return CorporateNumber.of(SEQUENCE.incrementAndGet() * 7919 % 1_000_000_000_000L);
    }
}
