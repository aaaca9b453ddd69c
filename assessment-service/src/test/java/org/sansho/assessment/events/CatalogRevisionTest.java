package org.sansho.assessment.events;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.sansho.assessment.Fixtures.as;

/**
 * A revision corrects the requirements of a published version in place (guideline-version.revised): an open
 * assessment on that version is marked STALE as on a publication, a completed one keeps what it was judged against.
 */
@QuarkusTest
class CatalogRevisionTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void a_revised_version_makes_the_open_assessments_on_it_stale_and_leaves_completed_ones_alone() {
        String guideline = "revision-test-" + UUID.randomUUID().toString().substring(0, 8);
        List<VersionRef> baseline = List.of(new VersionRef(guideline, "1"));
        UUID contract = UUID.randomUUID();
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID open = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN, baseline,
                List.of(new Fixtures.Req("R-1", Obligation.MANDATORY)));
        UUID completed = Fixtures.seed(UUID.randomUUID(), hospital, vendor, AssessmentStatus.COMPLETED, baseline,
                List.of(new Fixtures.Req("R-1", Obligation.MANDATORY)));

        String event = Fixtures.cloudEvent(UUID.randomUUID().toString(),
                "org.sansho.catalog.guideline-version.revised.v1", guideline, Map.of("guidelineId", guideline,
                        "version", "1", "addedKeys", List.of(), "removedKeys", List.of(), "changedKeys", List.of("R-1")));
        kafka.produceStrings().fromRecords(new ProducerRecord<>("catalog.events", guideline, event)).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Roles.PROCUREMENT, hospital)
                .get("/api/v1/assessments/{id}", open).then().statusCode(200).body("status", equalTo("STALE"))
                .body("stale.superseded.version", equalTo("1")).body("stale.by.version", equalTo("1"))
                .body("stale.by.guidelineId", equalTo(guideline)));
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}", completed).then()
                .body("status", equalTo("COMPLETED"));
        List<?> stale = await().atMost(Duration.ofSeconds(20)).until(
                () -> Fixtures.published(contract, "org.sansho.assessment.stale.v1"), l -> l.size() == 1);
        assertThat(stale).hasSize(1);
    }
}
