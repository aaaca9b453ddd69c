package org.sansho.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stops in the middle of traffic and comes back on the same address: what the services committed in
 * the meantime waits in their outboxes and is delivered afterwards, once, and the lifecycles that were running
 * finish.
 */
@Order(Integer.MAX_VALUE) // last: on a loaded machine the broker may take minutes to come back
class BrokerRestartIT {

    private final Suite suite = Suite.get();

    @Test
    void events_committed_while_the_broker_is_down_are_delivered_after_it_is_back_exactly_once() throws Exception {
        Suite.Parties p = suite.parties();
        List<UUID> drafts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            drafts.add(suite.openContract(p, List.of(Map.of("guidelineId", suite.guideline, "version", "1"))));
        }
        // Two lifecycles are under way when the broker stops.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UUID>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(pool.submit(() -> new Lifecycle(suite, p).run()));
        }
        pool.shutdown();
        long start = System.nanoTime();
        suite.broker.stop();
        for (UUID id : drafts) {
            suite.transition(p, id, "DISCLOSURE_REQUESTED"); // committed with its event in the outbox
        }
        Thread.sleep(3_000); // the broker stays down a little while: the relays find no broker
        suite.broker.startAndAwaitReady();
        long downSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        List<UUID> finished = new ArrayList<>();
        for (Future<UUID> lifecycle : running) {
            finished.add(lifecycle.get());
        }
        for (UUID id : drafts) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Suite.as(suite.assessment, "procurement", p.hospital()).queryParam("contract", id)
                            .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath(),
                    a -> a.getInt("totalItems") == 1 && "OPEN".equals(a.getString("items[0].status")));
        }
        suite.awaitConsumed(Duration.ofSeconds(120));
        Tally draftsTally = Tally.of(suite, drafts, Map.of(
                Suite.CONTRACT_EVENTS, List.of("org.sansho.contract.created.v1", "org.sansho.contract.state-changed.v1"),
                Suite.ASSESSMENT_EVENTS, List.of("org.sansho.assessment.opened.v1")));
        Tally lifecycles = Tally.of(suite, finished, Map.of(Suite.CONTRACT_EVENTS, Lifecycle.CONTRACT_EVENTS,
                Suite.ASSESSMENT_EVENTS, Lifecycle.ASSESSMENT_EVENTS));
        System.out.println(draftsTally.summary("broker stopped " + downSeconds + " s (contracts moved while it was down)",
                drafts.size(), draftsTally.published));
        System.out.println(lifecycles.summary("broker stopped " + downSeconds + " s (lifecycles under way)",
                finished.size(), lifecycles.published));
        assertThat(draftsTally.problems).isEmpty();
        assertThat(lifecycles.problems).isEmpty();
        assertThat(draftsTally.lost + draftsTally.duplicated + lifecycles.lost + lifecycles.duplicated).isZero();
    }
}
