package org.sansho.e2e;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N pre-contract lifecycles across the three services while each service is SIGKILLed at seeded random points and
 * restarted: every lifecycle finishes, and per contract the topics hold exactly the events it should, no fewer and
 * no more. Then every event of the run is delivered a second time, and nothing changes.
 *
 * <p>{@code -Dsansho.faults.lifecycles} (default 6; the {@code faults} profile runs 1,000),
 * {@code -Dsansho.faults.kills} (kills per service, default max(1, lifecycles / 50)),
 * {@code -Dsansho.faults.parallel} (lifecycles at once, default 2), {@code -Dsansho.faults.seed} (replays a plan).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleFaultsIT {

    private static final List<UUID> RUN = new ArrayList<>();
    private static Suite.Parties parties;
    private final Suite suite = Suite.get();

    @Test
    @Order(1)
    void every_lifecycle_finishes_through_random_kills_of_each_service_without_losing_or_duplicating_an_event()
            throws Exception {
        int lifecycles = Integer.getInteger("sansho.faults.lifecycles", 6);
        int kills = Integer.getInteger("sansho.faults.kills", Math.max(1, lifecycles / 50));
        int parallel = Integer.getInteger("sansho.faults.parallel", 2);
        long seed = Long.getLong("sansho.faults.seed", System.nanoTime());
        System.out.printf("faults: seed %d (replay with -Dsansho.faults.seed=%d), %d lifecycles, %d kills per service,"
                + " %d at once%n", seed, seed, lifecycles, kills, parallel);
        Faults faults = new Faults(seed, lifecycles, kills, List.of(suite.catalog, suite.contract, suite.assessment));
        parties = suite.parties();
        long start = System.nanoTime();

        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<UUID>> runs = new ArrayList<>();
        for (int i = 0; i < lifecycles; i++) {
            int index = i;
            runs.add(pool.submit(() -> new Lifecycle(suite, parties, () -> suite.contract, () -> suite.assessment,
                    step -> faults.at(index, step)).run()));
        }
        pool.shutdown();
        try {
            for (Future<UUID> run : runs) {
                RUN.add(run.get());
            }
        } finally {
            faults.awaitRestarts(); // whatever happened, the next scenario finds every service running
        }
        suite.awaitConsumed(Duration.ofSeconds(120));

        assertThat(faults.killed()).isEqualTo(faults.planned());
        assertThat(Set.copyOf(RUN)).hasSize(lifecycles);
        Tally tally = Tally.of(suite, RUN, Map.of(Suite.CONTRACT_EVENTS, Lifecycle.CONTRACT_EVENTS,
                Suite.ASSESSMENT_EVENTS, Lifecycle.ASSESSMENT_EVENTS));
        System.out.println(tally.summary("kill each service at random points (" + faults.killed() + " SIGKILLs, seed "
                + seed + ", " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s)", lifecycles,
                tally.published));
        assertThat(tally.problems).isEmpty();
        assertThat(tally.lost).isZero();
        assertThat(tally.duplicated).isZero();
        for (UUID id : RUN) {
            Map<String, Object> state = state(id);
            assertThat(state).as("contract %s", id).containsEntry("state", "AGREED")
                    .containsEntry("assessments", 1).containsEntry("assessment", "COMPLETED")
                    .containsEntry("verdictKnownToContract", "ACCEPTABLE");
        }
        // The state-changed events of each contract are in transition order on its partition (a copy a relay
        // re-sent after a crash carries the id of its original and is left out, as the consumers leave it out).
        for (UUID id : RUN) {
            Set<String> seen = new HashSet<>();
            assertThat(suite.records(Suite.CONTRACT_EVENTS, id.toString()).stream().map(r -> Tally.json(r.value()))
                    .filter(event -> seen.add(event.path("id").asText()))
                    .map(event -> event.path("data").path("to").asText()).filter(s -> !s.isEmpty()).toList())
                    .containsExactly("DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT", "AGREED");
        }
    }

    @Test
    @Order(2)
    void delivering_every_event_of_the_run_a_second_time_changes_nothing() {
        if (RUN.isEmpty()) {
            parties = suite.parties();
            for (int i = 0; i < 3; i++) {
                RUN.add(new Lifecycle(suite, parties).run());
            }
        }
        suite.awaitConsumed(Duration.ofSeconds(120));
        Set<String> keys = RUN.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<UUID, Map<String, Object>> before = new LinkedHashMap<>();
        RUN.forEach(id -> before.put(id, state(id)));
        Map<String, Integer> countsBefore = new LinkedHashMap<>();
        Map<String, Integer> sent = new LinkedHashMap<>();
        for (String topic : List.of(Suite.CONTRACT_EVENTS, Suite.ASSESSMENT_EVENTS, Suite.CATALOG_EVENTS)) {
            List<ConsumerRecord<String, String>> all = suite.records(topic);
            List<ConsumerRecord<String, String>> ours = all.stream()
                    .filter(r -> keys.contains(r.key()) || suite.guideline.equals(r.key())).toList();
            countsBefore.put(topic, all.size());
            sent.put(topic, ours.size());
            suite.produce(topic, ours);
        }
        long redelivered = sent.values().stream().mapToLong(Integer::longValue).sum();
        suite.awaitConsumed(Duration.ofSeconds(120));

        Map<UUID, Map<String, Object>> after = new LinkedHashMap<>();
        RUN.forEach(id -> after.put(id, state(id)));
        assertThat(after).isEqualTo(before);
        long changed = 0;
        for (var topic : countsBefore.entrySet()) {
            // The topic holds the originals and the copies sent by the test, and not one event more.
            changed += suite.records(topic.getKey()).size() - topic.getValue() - sent.get(topic.getKey());
        }
        System.out.printf("redelivery: lifecycles %d, events redelivered %d, consumed %d, state changes 0, "
                + "events published in response %d, lost 0, duplicated 0%n", RUN.size(), redelivered, redelivered, changed);
        assertThat(changed).isZero();
    }

    /** What the services say about a contract: its state and version, history, verdicts and assessments. */
    private Map<String, Object> state(UUID id) {
        Map<String, Object> s = new LinkedHashMap<>();
        JsonPath contract = Suite.as(suite.contract, "procurement", parties.hospital()).get("/api/v1/contracts/" + id)
                .then().statusCode(200).extract().jsonPath();
        s.put("state", contract.getString("state"));
        s.put("version", contract.get("version"));
        s.put("reagreementRequired", contract.get("reagreementRequired"));
        s.put("history", Suite.as(suite.contract, "procurement", parties.hospital())
                .get("/api/v1/contracts/" + id + "/history").then().statusCode(200).extract().path("totalItems"));
        List<Map<String, Object>> verdicts = Suite.as(suite.contract, "procurement", parties.hospital())
                .get("/api/v1/contracts/" + id + "/assessments").then().statusCode(200).extract().jsonPath().getList("$");
        s.put("verdictKnownToContract", verdicts.size() == 1 ? verdicts.get(0).get("verdict") : verdicts);
        JsonPath assessments = Suite.as(suite.assessment, "procurement", parties.hospital()).queryParam("contract", id)
                .get("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
        s.put("assessments", assessments.getInt("totalItems"));
        s.put("assessment", assessments.getString("items[0].status"));
        s.put("assessmentVersion", assessments.get("items[0].version"));
        s.put("verdict", assessments.getString("items[0].result.verdict"));
        return s;
    }
}
