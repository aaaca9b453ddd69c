package org.sansho.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.PrometheusText;
import org.sansho.testsupport.ServiceProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the contract-service and two of the assessment-service, each pair in one consumer group, over
 * topics of three partitions: both instances hold partitions and consume, every event has exactly one effect,
 * and when one instance of each is killed, the other takes its partitions over and nothing is lost.
 */
class ScaleOutIT {

    private final Suite suite = Suite.get();

    @Test
    void two_instances_share_the_partitions_each_event_has_one_effect_and_a_killed_instance_hands_its_work_over()
            throws Exception {
        try (Admin admin = suite.broker.admin()) {
            for (String topic : List.of(Suite.CONTRACT_EVENTS, Suite.ASSESSMENT_EVENTS)) {
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                        .partitions()).as(topic).hasSizeGreaterThanOrEqualTo(3);
            }
        }
        var startingContract = java.util.concurrent.CompletableFuture.supplyAsync(suite.contract::another,
                Executors.newSingleThreadExecutor());
        ServiceProcess assessment2 = suite.assessment.another();
        ServiceProcess contract2 = startingContract.get();
        try {
            // Each group has one consumer of the topic per instance, and both hold partitions.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    holders("assessment-service", Suite.CONTRACT_EVENTS).size() == 2
                            && holders("contract-service", Suite.ASSESSMENT_EVENTS).size() == 2);
            List<ServiceProcess> instances = List.of(suite.assessment, assessment2, suite.contract, contract2);
            Map<String, Double> consumedBefore = consumed(instances);

            // Lifecycles whose requests alternate between the instances; events of all partitions.
            Suite.Parties p = suite.parties();
            List<UUID> shared = new java.util.ArrayList<>(run(8, i -> i % 2 == 0 ? suite.contract : contract2,
                    i -> (i / 2) % 2 == 0 ? suite.assessment : assessment2, p));
            suite.awaitConsumed(Duration.ofSeconds(120));
            // Contract ids are random and pick the partition: with one of three partitions, an instance gets none
            // of 8 contracts' events once in 25 runs. More lifecycles until each instance has had some (or 32).
            while (delta(consumedBefore, consumed(instances)).containsValue(0.0) && shared.size() < 32) {
                shared.addAll(run(4, i -> i % 2 == 0 ? suite.contract : contract2,
                        i -> (i / 2) % 2 == 0 ? suite.assessment : assessment2, p));
                suite.awaitConsumed(Duration.ofSeconds(120));
            }
            Tally both = tally(shared);
            Map<String, Double> consumedAfter = consumed(instances);
            System.out.println(both.summary("scale-out, two instances each", shared.size(), both.published)
                    + ", events processed per instance " + delta(consumedBefore, consumedAfter));
            assertThat(both.problems).isEmpty();
            assertThat(both.lost + both.duplicated).isZero();
            // Both instances of each service consumed records of their topic.
            delta(consumedBefore, consumedAfter).forEach((instance, n) ->
                    assertThat(n).as("events processed by %s", instance).isPositive());

            // One instance of each dies hard: the survivors take every partition over and nothing is lost.
            assessment2.kill();
            contract2.kill();
            List<UUID> after = run(4, i -> suite.contract, i -> suite.assessment, p);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    holders("assessment-service", Suite.CONTRACT_EVENTS).size() == 1
                            && holders("contract-service", Suite.ASSESSMENT_EVENTS).size() == 1);
            suite.awaitConsumed(Duration.ofSeconds(120));
            Tally survivors = tally(after);
            System.out.println(survivors.summary("scale-out, one instance of each killed", after.size(),
                    survivors.published));
            assertThat(survivors.problems).isEmpty();
            assertThat(survivors.lost + survivors.duplicated).isZero();
            assertThat(tally(shared).problems).isEmpty();
        } finally {
            assessment2.close();
            contract2.close();
        }
    }

    /** Runs the lifecycles, two at a time, lifecycle i talking to the instances the functions pick for it. */
    private List<UUID> run(int lifecycles, IntFunction<ServiceProcess> contract, IntFunction<ServiceProcess> assessment,
                           Suite.Parties p) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<UUID>> runs = new ArrayList<>();
        for (int i = 0; i < lifecycles; i++) {
            ServiceProcess c = contract.apply(i);
            ServiceProcess a = assessment.apply(i);
            runs.add(pool.submit(() -> new Lifecycle(suite, p, () -> c, () -> a, step -> { }).run()));
        }
        pool.shutdown();
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> run : runs) {
            ids.add(run.get());
        }
        return ids;
    }

    private Tally tally(List<UUID> ids) {
        return Tally.of(suite, ids, Map.of(Suite.CONTRACT_EVENTS, Lifecycle.CONTRACT_EVENTS,
                Suite.ASSESSMENT_EVENTS, Lifecycle.ASSESSMENT_EVENTS));
    }

    /** The members of the group that hold partitions of the topic, with their partitions. */
    private Map<String, List<Integer>> holders(String group, String topic) throws Exception {
        try (Admin admin = suite.broker.admin()) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                    .get(group);
            Map<String, List<Integer>> holders = new java.util.HashMap<>();
            for (MemberDescription m : d.members()) {
                List<Integer> partitions = m.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition).toList();
                if (!partitions.isEmpty()) {
                    holders.put(m.consumerId(), partitions);
                }
            }
            return holders;
        }
    }

    /**
     * Events each instance's group consumer processed so far, as its inbox counts them on /q/metrics
     * ({@code sansho_inbox_events_total{outcome="processed"}}): the assessment-service's consumer of contract.events,
     * the contract-service's consumer of assessment.events. (The Kafka client's per-topic meters of a consumer that
     * just joined appear only when the metrics binder next looks for new ones, a minute later.)
     */
    private static Map<String, Double> consumed(List<ServiceProcess> instances) {
        Map<String, Double> consumed = new java.util.LinkedHashMap<>();
        for (ServiceProcess instance : instances) {
            String metrics = io.restassured.RestAssured.given().baseUri(instance.baseUrl()).get("/q/metrics")
                    .then().statusCode(200).extract().asString();
            String topic = instance.module().startsWith("assessment") ? Suite.CONTRACT_EVENTS : Suite.ASSESSMENT_EVENTS;
            String consumer = instance.module() + "." + topic.replace('.', '-');
            double sum = PrometheusText.of(metrics).sum("sansho_inbox_events_total",
                    Map.of("consumer", consumer, "outcome", "processed")).orElse(0);
            consumed.put(instance.module() + ":" + instance.port(), sum);
        }
        return consumed;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new java.util.LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }
}
