package org.sansho.assessment.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.AuditTable;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;

/** Answers, evaluations and assessments opened from contract events each leave one audit record. */
@QuarkusTest
class AssessmentAuditTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DataSource dataSource;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    @Test
    void a_vendor_answer_writes_one_record_and_a_refused_one_writes_none() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN,
                List.of(new VersionRef("audit-test-guideline", "1")), List.of(new Fixtures.Req("A-1", MANDATORY)));
        long before = table().count();

        as(Roles.VENDOR, vendor).header("If-Match", etag(id)).body(Map.of("status", "NOT_APPLICABLE"))
                .put("/api/v1/assessments/{id}/items/A-1/response", id).then().statusCode(400);
        assertThat(table().count()).isEqualTo(before);

        as(Roles.VENDOR, vendor).header("If-Match", etag(id)).body(Map.of("status", "IMPLEMENTED",
                        "statement", "in place"))
                .put("/api/v1/assessments/{id}/items/A-1/response", id).then().statusCode(200);

        assertThat(table().count()).isEqualTo(before + 1);
        List<Map<String, Object>> records = records(hospital, "assessment-item", id + "/A-1");
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).containsEntry("action", "assessment-item.responded");
        assertThat(records.get(0).get("beforeDigest")).isNotNull().isNotEqualTo(records.get(0).get("afterDigest"));
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) records.get(0).get("actor");
        assertThat(actor).containsEntry("subject", "user-vendor@" + vendor)
                .containsEntry("organizationId", vendor.toString());
        assertThat(records(vendor, "assessment-item", id + "/A-1")).hasSize(1);
        assertThat(records(UUID.randomUUID(), "assessment-item", id + "/A-1")).isEmpty();
    }

    @Test
    void an_assessment_opened_from_a_contract_event_is_recorded_as_the_consumers_change() {
        String eventId = UUID.randomUUID().toString();
        String value = Fixtures.cloudEvent(eventId, "org.sansho.contract.state-changed.v1", contract.toString(),
                Fixtures.stateChanged(contract, hospital, vendor, "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT",
                        List.of()));
        ProducerRecord<String, String> record = new ProducerRecord<>("contract.events", contract.toString(), value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion();

        List<Map<String, Object>> opened = await().atMost(Duration.ofSeconds(30)).until(() ->
                records(hospital, "assessment", null).stream()
                        .filter(r -> "assessment.opened".equals(r.get("action"))).toList(), r -> !r.isEmpty());
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).containsEntry("requestId", "event:" + eventId);
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) opened.get(0).get("actor");
        assertThat(actor).containsEntry("subject", "system:assessment-service.contract-events");
        // With the catalog's answer at hand (here: no baseline, so no requirement) the items are filled in the
        // opening's transaction, and that one change has one record.
        assertThat(records(hospital, "assessment", (String) opened.get(0).get("entityId")))
                .extracting(r -> r.get("action")).containsExactly("assessment.opened");
    }

    @Test
    void altering_an_audit_row_in_the_database_makes_verify_report_exactly_that_row() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN,
                List.of(new VersionRef("audit-test-guideline", "1")), List.of(new Fixtures.Req("A-1", MANDATORY)));
        as(Roles.VENDOR, vendor).header("If-Match", etag(id)).body(Map.of("status", "IMPLEMENTED",
                "statement", "in place")).put("/api/v1/assessments/{id}/items/A-1/response", id).then().statusCode(200);
        Map<String, Object> row = records(vendor, "assessment-item", id + "/A-1").get(0);
        long seq = ((Number) row.get("seq")).longValue();

        table().tamper("update audit_record set after_digest = before_digest where seq = " + seq);
        try {
            Response verify = as(Roles.AUDITOR, hospital).get("/api/v1/audit/verify");
            verify.then().statusCode(200);
            assertThat(verify.<Boolean>path("verified")).isFalse();
            assertThat(verify.<Number>path("firstBrokenSeq").longValue()).isEqualTo(seq);
            assertThat(verify.<String>path("firstBrokenId")).isEqualTo(row.get("id"));
        } finally {
            table().tamper("update audit_record set after_digest = '" + row.get("afterDigest") + "' where seq = " + seq);
        }
        assertThat(as(Roles.AUDITOR, hospital).get("/api/v1/audit/verify").<Boolean>path("verified")).isTrue();
    }

    private String etag(UUID id) {
        return as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/A-1", id).then().statusCode(200)
                .extract().header("ETag");
    }

    private List<Map<String, Object>> records(UUID auditor, String entityType, String entityId) {
        table().awaitSealed();
        var request = as(Roles.AUDITOR, auditor).queryParam("entityType", entityType);
        if (entityId != null) {
            request.queryParam("entityId", entityId);
        }
        return request.get("/api/v1/audit").then().statusCode(200).extract().path("items");
    }

    private AuditTable table() {
        return new AuditTable(dataSource);
    }
}
