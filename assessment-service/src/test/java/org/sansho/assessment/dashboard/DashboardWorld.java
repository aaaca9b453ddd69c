package org.sansho.assessment.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;
import static org.sansho.assessment.assessments.domain.Obligation.RECOMMENDED;

/**
 * What the dashboard tests seed: contracts as contract-service announces them (events on contract.events), and a
 * reviewed assessment with findings driven through the API (only its opening is written directly, as in the review
 * flow tests).
 */
final class DashboardWorld {

    static final List<VersionRef> BASELINE = List.of(new VersionRef("dashboard-test-guideline", "1"));
    private static final Map<String, Object> IMPLEMENTED = Map.of("status", "IMPLEMENTED", "statement", "in place");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaCompanion kafka;

    DashboardWorld(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    /** contract.created.v1 with a title, DRAFT before the contract. */
    void created(UUID contract, UUID hospital, UUID vendor, String title) {
        contractEvent(contract, hospital, vendor, "org.sansho.contract.created.v1",
                Map.of("title", title, "state", "DRAFT", "phase", "PRE_CONTRACT", "serviceModel", "SAAS"));
    }

    /** contract.created.v1 naming both parties as contract-service does since it carries names. */
    void created(UUID contract, UUID hospital, UUID vendor, String title, Map<String, Object> names) {
        Map<String, Object> data = new HashMap<>(Map.of("title", title, "state", "DRAFT", "phase", "PRE_CONTRACT",
                "serviceModel", "SAAS"));
        data.putAll(names);
        contractEvent(contract, hospital, vendor, "org.sansho.contract.created.v1", data);
    }

    /** The parties' names as a contract event carries them ({@code hospitalName}, {@code vendorName}: ja, en). */
    static Map<String, Object> names(String hospitalJa, String hospitalEn, String vendorJa, String vendorEn) {
        Map<String, Object> hospital = new HashMap<>();
        hospital.put("ja", hospitalJa);
        hospital.put("en", hospitalEn);
        Map<String, Object> vendor = new HashMap<>();
        vendor.put("ja", vendorJa);
        vendor.put("en", vendorEn);
        return Map.of("hospitalName", hospital, "vendorName", vendor);
    }

    /** contract.state-changed.v1, made by a named person for a reason. */
    void moved(UUID contract, UUID hospital, UUID vendor, String from, String to, String phase, String reason) {
        Map<String, Object> data = new HashMap<>(Map.of("from", from, "to", to, "phase", phase,
                "actor", "dr.sato@hospital.example", "occurredAt", OffsetDateTime.now().toString()));
        if (reason != null) {
            data.put("reason", reason);
        }
        contractEvent(contract, hospital, vendor, "org.sansho.contract.state-changed.v1", data);
    }

    void contractEvent(UUID contract, UUID hospital, UUID vendor, String type, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(Map.of("contractId", contract.toString(),
                "hospitalId", hospital.toString(), "vendorId", vendor.toString()));
        data.putAll(extra);
        send(contract, type, data);
    }

    /** A contract event stamped with the given time (a redelivered or late one, for instance). */
    void contractEventAt(UUID contract, UUID hospital, UUID vendor, String type, Map<String, Object> extra,
                         Instant time) {
        Map<String, Object> data = new HashMap<>(Map.of("contractId", contract.toString(),
                "hospitalId", hospital.toString(), "vendorId", vendor.toString()));
        data.putAll(extra);
        try {
            String value = JSON.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(),
                    "source", "/sansho/test", "type", type, "subject", contract.toString(), "time", time.toString(),
                    "datacontenttype", "application/json", "data", data));
            kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", contract.toString(), value))
                    .awaitCompletion();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(UUID key, String type, Map<String, Object> data) {
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), type, key.toString(), data);
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", key.toString(), value))
                .awaitCompletion();
    }

    /**
     * A completed assessment of the contract with M-2 (mandatory) and R-1 (recommended) found nonconformant, and a
     * finding on each: M-2 rated likelihood 3 × confidentiality 4 (level A), R-1 likelihood 2 × availability 2
     * (level C).
     *
     * @return the assessment id, the M-2 finding's id and the R-1 finding's id
     */
    static UUID[] reviewedWithFindings(UUID contract, UUID hospital, UUID vendor) {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN, BASELINE, List.of(
                new Fixtures.Req("M-1", MANDATORY), new Fixtures.Req("M-2", MANDATORY),
                new Fixtures.Req("R-1", RECOMMENDED)));
        for (String key : List.of("M-1", "M-2", "R-1")) {
            as(Roles.VENDOR, vendor).header("If-Match", etag(id, Roles.VENDOR, vendor, key)).body(IMPLEMENTED)
                    .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then().statusCode(200);
        }
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
        for (String key : List.of("M-1", "M-2", "R-1")) {
            as(Roles.PROCUREMENT, hospital).header("If-Match", etag(id, Roles.PROCUREMENT, hospital, key))
                    .body(Map.of("evaluation", key.equals("M-1") ? "CONFORMANT" : "NONCONFORMANT",
                            "comment", key.equals("M-1") ? "certificate checked" : "no restore drill on record"))
                    .put("/api/v1/assessments/{id}/items/{key}/evaluation", id, key).then().statusCode(200);
        }
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).then().statusCode(200);
        String m2 = finding(id, hospital, "M-2", 3, Map.of("confidentiality", 4, "integrity", 1, "availability", 1),
                List.of("offline backup", "restore drill"));
        String r1 = finding(id, hospital, "R-1", 2, Map.of("confidentiality", 1, "integrity", 1, "availability", 2),
                List.of("monitoring"));
        return new UUID[]{id, UUID.fromString(m2), UUID.fromString(r1)};
    }

    private static String finding(UUID assessment, UUID hospital, String key, int likelihood,
                                  Map<String, Integer> impact, List<String> measures) {
        return as(Roles.PROCUREMENT, hospital).body(Map.of("requirementKey", key, "owner", "vendor security officer",
                        "dueDate", "2031-01-31", "likelihood", likelihood, "impact", impact, "treatment", "REDUCE",
                        "measures", measures))
                .post("/api/v1/assessments/{id}/findings", assessment).then().statusCode(201).extract().path("id");
    }

    private static String etag(UUID id, String role, UUID org, String key) {
        return as(role, org).get("/api/v1/assessments/{id}/items/{key}", id, key).then().statusCode(200)
                .extract().header("ETag");
    }
}
