package org.sansho.assessment.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.service.EvidenceExpiryWatch;
import org.sansho.platform.security.Roles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;

/** Evidence with a validUntil is announced before it lapses, once per threshold, and shows in the deadlines read. */
@QuarkusTest
class EvidenceExpiryTest {

    private static final String EXPIRING = "org.sansho.assessment.evidence.expiring.v1";

    @Inject
    EvidenceExpiryWatch watch;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    @Test
    void evidence_nearing_its_valid_until_is_announced_at_30_7_and_0_days_once_each_and_listed_as_a_deadline() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN,
                List.of(new VersionRef("evidence-expiry-test-guideline", "1")),
                List.of(new Fixtures.Req("E-1", MANDATORY), new Fixtures.Req("E-2", MANDATORY)));
        LocalDate today = LocalDate.now();
        LocalDate validUntil = today.plusDays(20);
        answer(id, "E-1", List.of(
                Map.of("name", "ISMS 認証書 IS 123456", "uri", "https://vendor.example/isms.pdf",
                        "validUntil", validUntil.toString()),
                Map.of("name", "運用手順書", "uri", "https://vendor.example/ops.pdf")));
        answer(id, "E-2", List.of(Map.of("name", "ペネトレーションテスト報告書", "uri", "https://vendor.example/pt.pdf",
                "validUntil", today.plusDays(200).toString())));

        watch.check(today);
        watch.check(today);
        watch.check(validUntil.minusDays(7));
        watch.check(validUntil.minusDays(6));
        watch.check(validUntil);
        watch.check(validUntil.plusDays(1));

        List<JsonNode> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> Fixtures.published(contract, EXPIRING), e -> e.size() >= 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> Fixtures.published(contract, EXPIRING).size() == 3);
        assertThat(events).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(30, 7, 0);
        JsonNode first = events.get(0).path("data");
        assertThat(first.path("evidenceName").asText()).isEqualTo("ISMS 認証書 IS 123456");
        assertThat(first.path("requirementKey").asText()).isEqualTo("E-1");
        assertThat(first.path("validUntil").asText()).isEqualTo(validUntil.toString());
        assertThat(first.path("assessmentId").asText()).isEqualTo(id.toString());
        assertThat(first.path("hospitalId").asText()).isEqualTo(hospital.toString());

        List<Map<String, Object>> seen = as(Roles.PROCUREMENT, hospital).get("/api/v1/deadlines?hospital=" + hospital)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsEntry("kind", "EVIDENCE_EXPIRY")
                .containsEntry("label", "ISMS 認証書 IS 123456").containsEntry("dueOn", validUntil.toString())
                .containsEntry("thresholdDays", 0).containsEntry("contractId", contract.toString());
        assertThat(as(Roles.VENDOR, vendor).get("/api/v1/deadlines?vendor=" + vendor).then().statusCode(200)
                .extract().jsonPath().getList("kind")).containsExactly("EVIDENCE_EXPIRY");
        as(Roles.VENDOR, UUID.randomUUID()).get("/api/v1/deadlines?vendor=" + vendor).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private void answer(UUID id, String key, List<Map<String, Object>> evidence) {
        String etag = as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/items/{key}", id, key)
                .then().statusCode(200).extract().header("ETag");
        as(Roles.VENDOR, vendor).header("If-Match", etag)
                .body(Map.of("status", "IMPLEMENTED", "statement", "in place", "evidence", evidence))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then().statusCode(200);
    }
}
