package org.sansho.assessment.dashboard;

import org.sansho.assessment.assessments.service.AssessmentMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.platform.security.Roles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class DashboardApiTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AssessmentMetrics assessmentMetrics;

    @Test
    void deadlines_follow_the_latest_reminder_and_are_seen_by_the_hospital_and_the_vendor_only() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        UUID certification = UUID.randomUUID();
        LocalDate deadline = LocalDate.now().plusDays(30);
        send(contract, "org.sansho.contract.created.v1", contract(contract, hospital, vendor,
                Map.of("state", "DRAFT", "phase", "PRE_CONTRACT")));
        send(contract, "org.sansho.contract.notice-deadline-approaching.v1", contract(contract, hospital, vendor,
                Map.of("deadline", deadline.toString(), "thresholdDays", 30, "kind", "NOTICE_DEADLINE")));
        send(contract, "org.sansho.contract.notice-deadline-approaching.v1", contract(contract, hospital, vendor,
                Map.of("deadline", deadline.toString(), "thresholdDays", 7, "kind", "NOTICE_DEADLINE")));
        send(vendor, "org.sansho.contract.certification.expiring.v1", Map.of("organizationId", vendor.toString(),
                "certificationId", certification.toString(), "scheme", "ISMS", "expiresOn",
                deadline.plusDays(1).toString(), "thresholdDays", 30));

        List<Map<String, Object>> seen = await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures
                        .as(Roles.PROCUREMENT, hospital).get("/api/v1/deadlines?hospital=" + hospital)
                        .then().statusCode(200).extract().jsonPath().getList("$"),
                l -> l.size() == 2 && Integer.valueOf(7).equals(l.get(0).get("thresholdDays")));
        assertThat(seen.get(0)).containsEntry("kind", "NOTICE_DEADLINE")
                .containsEntry("contractId", contract.toString()).containsEntry("dueOn", deadline.toString());
        assertThat(seen.get(1)).containsEntry("kind", "CERTIFICATION_EXPIRY").containsEntry("label", "ISMS")
                .containsEntry("vendorId", vendor.toString());
        assertThat(Fixtures.as(Roles.VENDOR, vendor).get("/api/v1/deadlines?vendor=" + vendor)
                .then().statusCode(200).extract().jsonPath().getList("kind")).containsExactly("NOTICE_DEADLINE",
                "CERTIFICATION_EXPIRY");

        // Another organization's deadlines do not exist for the caller; bad queries are problems.
        Fixtures.as(Roles.PROCUREMENT, UUID.randomUUID()).get("/api/v1/deadlines?hospital=" + hospital)
                .then().statusCode(404).contentType("application/problem+json");
        Fixtures.as(Roles.PROCUREMENT, hospital).get("/api/v1/deadlines")
                .then().statusCode(400).contentType("application/problem+json");
        Fixtures.as(Roles.PROCUREMENT, hospital).get("/api/v1/deadlines?hospital=" + hospital + "&days=-1")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void the_dashboard_is_served_and_the_metrics_show_assessments_by_status_and_outbox_lag() {
        given().get("/dashboard/").then().statusCode(200).body(containsString("id=\"token\""));
        given().get("/dashboard/app.js").then().statusCode(200).body(containsString("/api/v1/stream"));

        assessmentMetrics.sample();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("sansho_assessments{status=\"OPEN\"}")
                .contains("sansho_assessments{status=\"COMPLETED\"}")
                .contains("sansho_outbox_unsent").contains("sansho_outbox_oldest_unsent_age_seconds");
    }

    private static Map<String, Object> contract(UUID contract, UUID hospital, UUID vendor, Map<String, Object> extra) {
        Map<String, Object> data = new HashMap<>(Map.of("contractId", contract.toString(),
                "hospitalId", hospital.toString(), "vendorId", vendor.toString()));
        data.putAll(extra);
        return data;
    }

    private void send(UUID key, String type, Map<String, Object> data) {
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), type, key.toString(), data);
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", key.toString(), value))
                .awaitCompletion();
    }
}
