package org.sansho.assessment.assessments;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.sansho.assessment.Fixtures.as;

/**
 * An assessment whose items the catalog cannot resolve stops retrying after sansho.assessment.items-give-up-after:
 * it becomes ITEMS_UNRESOLVED with the reason, both sides are told, and a publication in the catalog makes it ask again.
 */
@QuarkusTest
class ItemsUnresolvedTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    Clock clock;

    @Test
    void items_the_catalog_cannot_resolve_end_in_a_visible_state_with_the_reason_until_the_catalog_publishes() {
        UUID contract = UUID.randomUUID();
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        String guideline = "unresolvable-" + UUID.randomUUID().toString().substring(0, 8);
        // The catalog holds no such guideline; an hour later the (15-minute) period is long over.
        QuarkusMock.installMockForType(Clock.fixed(clock.instant().plus(Duration.ofHours(1)), clock.getZone()),
                Clock.class);
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.PENDING_ITEMS,
                List.of(new VersionRef(guideline, "1")), List.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Roles.PROCUREMENT, hospital)
                .get("/api/v1/assessments/{id}", id).then().statusCode(200)
                .body("status", equalTo("ITEMS_UNRESOLVED"))
                .body("pendingReason", not(emptyOrNullString())));
        var unresolved = await().atMost(Duration.ofSeconds(20)).until(
                () -> Fixtures.published(contract, "org.sansho.assessment.items-unresolved.v1"), l -> l.size() == 1);
        assertThat(unresolved.get(0).path("data").path("assessmentId").asText()).isEqualTo(id.toString());
        assertThat(unresolved.get(0).path("data").path("reason").asText()).isNotBlank();
        assertThat(unresolved.get(0).path("data").path("baseline").get(0).path("guidelineId").asText())
                .isEqualTo(guideline);
        // It no longer retries on its own.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", id).then()
                        .body("status", equalTo("ITEMS_UNRESOLVED")));

        // The catalog publishes a version: the assessment asks again, for a new period.
        String published = Fixtures.cloudEvent(UUID.randomUUID().toString(),
                "org.sansho.catalog.guideline-version.published.v1", guideline, Map.of("guidelineId", guideline,
                        "version", "1", "supersedes", List.of(), "addedKeys", List.of("U-1"), "removedKeys", List.of(),
                        "changedKeys", List.of()));
        kafka.produceStrings().fromRecords(new ProducerRecord<>("catalog.events", guideline, published))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Roles.PROCUREMENT, hospital)
                .get("/api/v1/assessments/{id}", id).then().body("status", equalTo("PENDING_ITEMS")));
        assertThat(Fixtures.published(contract, "org.sansho.assessment.items-unresolved.v1")).hasSize(1);
    }
}
