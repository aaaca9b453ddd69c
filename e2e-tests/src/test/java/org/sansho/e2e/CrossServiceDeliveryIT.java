package org.sansho.e2e;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox → topic → inbox path between two services, through a crash between commit and send and a
 * redelivery of everything: the contract's phase change opens exactly one assessment.
 */
class CrossServiceDeliveryIT {

    private final Suite suite = Suite.get();

    @Test
    void a_phase_change_committed_just_before_a_crash_opens_its_assessment_after_the_restart_exactly_once() {
        Suite.Parties parties = suite.parties();
        UUID contractId = suite.openContract(parties);

        // The contract-service commits the transition but its relay never runs: then it dies (SIGKILL).
        suite.contract.kill();
        suite.contract.withEnvironment("SANSHO_OUTBOX_RELAY_ENABLED", "false").startAndAwaitReady();
        try {
            suite.transition(parties, contractId, "DISCLOSURE_REQUESTED");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60))
                    .until(() -> stateChanges(contractId).isEmpty());
        } finally {
            // After the restart the committed event is relayed (and the suite runs on with its relay, whatever happens).
            suite.contract.kill();
            suite.contract.withEnvironment("SANSHO_OUTBOX_RELAY_ENABLED", "true").startAndAwaitReady();
        }
        // The assessment-service opens the assessment.
        await().atMost(Duration.ofSeconds(30)).until(() -> stateChanges(contractId).size() == 1);
        JsonPath opened = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> assessmentsOf(parties, contractId), a -> a.getInt("totalItems") == 1
                        && "OPEN".equals(a.getString("items[0].status")));
        assertThat(opened.getString("items[0].phase")).isEqualTo("PRE_CONTRACT");
        String assessmentId = opened.getString("items[0].id");

        // Every record of the contract is delivered a second time: nothing changes.
        List<ConsumerRecord<String, String>> published = suite.records("contract.events", contractId.toString());
        suite.produce("contract.events", published);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath now = assessmentsOf(parties, contractId);
            return now.getInt("totalItems") == 1 && assessmentId.equals(now.getString("items[0].id"));
        });
        assertThat(suite.records("assessment.events", contractId.toString()).stream()
                .filter(r -> r.value().contains("org.sansho.assessment.opened.v1")).count()).isEqualTo(1);
        System.out.printf("cross-service delivery: contract events published %d, redelivered %d, "
                + "assessments opened 1, lost 0, duplicated 0%n", published.size(), published.size());
    }

    private List<ConsumerRecord<String, String>> stateChanges(UUID contractId) {
        return suite.records("contract.events", contractId.toString()).stream()
                .filter(r -> r.value().contains("org.sansho.contract.state-changed.v1")).toList();
    }

    private JsonPath assessmentsOf(Suite.Parties parties, UUID contractId) {
        return Suite.as(suite.assessment, "procurement", parties.hospital())
                .queryParam("contract", contractId).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath();
    }
}
