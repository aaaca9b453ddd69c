package org.sansho.contract.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.AuditTable;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.contract.Fixtures.as;

/** Every change of a contract leaves one audit record in the same transaction; the chain shows tampering. */
@QuarkusTest
class ContractAuditTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void opening_and_moving_a_contract_each_write_one_record_readable_by_both_sides_auditors() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);

        List<Map<String, Object>> opened = records(p.hospital(), contract);
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0)).containsEntry("action", "contract.opened").containsEntry("entityType", "contract")
                .containsEntry("beforeDigest", null);
        assertThat(opened.get(0).get("actor")).isEqualTo(Map.of("subject", "user-procurement@" + p.hospital(),
                "organizationId", p.hospital().toString(), "roles", List.of("procurement")));
        assertThat((List<Object>) opened.get(0).get("organizations"))
                .containsExactlyInAnyOrder(p.hospital().toString(), p.vendor().toString());

        Response moved = as("procurement", p.hospital()).header("X-Request-Id", "cancel-" + contract)
                .body(Map.of("to", "CANCELLED")).post("/api/v1/contracts/" + contract + "/transitions");
        moved.then().statusCode(200);

        List<Map<String, Object>> all = records(p.vendor(), contract);
        assertThat(all).extracting(r -> r.get("action")).containsExactly("contract.transitioned", "contract.opened");
        assertThat(all.get(0)).containsEntry("requestId", moved.header("X-Request-Id"))
                .containsEntry("beforeDigest", opened.get(0).get("afterDigest"));
        assertThat(all.get(0).get("afterDigest")).isNotEqualTo(all.get(0).get("beforeDigest"));
        // Another organization's auditor sees nothing of it.
        assertThat(records(UUID.randomUUID(), contract)).isEmpty();
    }

    @Test
    void a_refused_or_invalid_change_writes_no_record() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        long before = table().count();

        as("procurement", p.hospital()).body(Map.of("to", "AGREED"))
                .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(409);
        as("procurement", p.hospital()).body(Map.of("vendorId", p.vendor().toString()))
                .post("/api/v1/contracts").then().statusCode(400);

        assertThat(table().count()).isEqualTo(before);
        assertThat(records(p.hospital(), contract)).extracting(r -> r.get("action"))
                .containsExactly("contract.opened");
    }

    @Test
    void a_consumed_assessment_result_is_recorded_as_the_consumers_change_with_the_event_id() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String event = Fixtures.assessmentResult("org.sansho.assessment.completed.v1", p, contract, "PRE_CONTRACT",
                "ACCEPTABLE", 0, "2026-01-10T09:00:00Z");
        String eventId = event.replaceFirst("^.*?\"id\":\"([^\"]+)\".*$", "$1");
        kafka.produceStrings().fromRecords(new ProducerRecord<>("assessment.events", contract.toString(), event))
                .awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> records(p.hospital(), contract).size() == 2);
        Map<String, Object> recorded = records(p.hospital(), contract).get(0);
        assertThat(recorded).containsEntry("action", "contract.assessment-result-recorded")
                .containsEntry("requestId", "event:" + eventId);
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) recorded.get("actor");
        assertThat(actor).containsEntry("subject", "system:contract-service.assessment-events")
                .containsEntry("roles", List.of());
        assertThat(actor.get("organizationId")).isNull();
    }

    @Test
    void altering_an_audit_row_in_the_database_makes_verify_report_exactly_that_row() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        Map<String, Object> row = records(p.hospital(), contract).get(0);
        long seq = ((Number) row.get("seq")).longValue();
        assertThat(verify(p.hospital()).<Boolean>path("verified")).isTrue();
        assertThat(table().refuses("update audit_record set entity_id = 'x' where seq = " + seq)).isTrue();

        table().tamper("update audit_record set entity_id = '" + UUID.randomUUID() + "' where seq = " + seq);
        try {
            Response verify = verify(UUID.randomUUID());
            assertThat(verify.<Boolean>path("verified")).isFalse();
            assertThat(verify.<Number>path("firstBrokenSeq").longValue()).isEqualTo(seq);
            assertThat(verify.<String>path("firstBrokenId")).isEqualTo(row.get("id"));
        } finally {
            table().tamper("update audit_record set entity_id = '" + contract + "' where seq = " + seq);
        }
        assertThat(verify(p.hospital()).<Boolean>path("verified")).isTrue();
    }

    private List<Map<String, Object>> records(UUID organization, UUID contract) {
        table().awaitSealed();
        return as("auditor", organization).queryParam("entityType", "contract")
                .queryParam("entityId", contract.toString()).get("/api/v1/audit")
                .then().statusCode(200).extract().path("items");
    }

    private Response verify(UUID organization) {
        Response response = as("auditor", organization).get("/api/v1/audit/verify");
        response.then().statusCode(200);
        return response;
    }

    private AuditTable table() {
        return new AuditTable(dataSource);
    }
}
