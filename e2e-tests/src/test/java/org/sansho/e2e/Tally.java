package org.sansho.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events of a set of contracts as the topics hold them, compared with what each contract should have
 * published: how many are missing (lost) and how many are extra (duplicated), by type and per contract.
 *
 * <p>An event is its CloudEvents {@code id}. The outbox relay delivers at least once: when a service dies after
 * the broker took an event and before the relay marked it sent, the restarted relay sends the same event again,
 * and every consumer drops the copy by its id (the inbox). Such copies are counted as {@code resent}, apart
 * from {@code duplicated}, which counts extra events with ids of their own: a change that happened twice.
 */
final class Tally {

    private static final ObjectMapper JSON = new ObjectMapper();

    final int contracts;
    final long published;
    final long lost;
    final long duplicated;
    final long resent;
    final List<String> problems;

    private Tally(int contracts, long published, long lost, long duplicated, long resent, List<String> problems) {
        this.contracts = contracts;
        this.published = published;
        this.lost = lost;
        this.duplicated = duplicated;
        this.resent = resent;
        this.problems = problems;
    }

    /** Compares, per contract and topic, the event types on the topic (in order) with the expected ones. */
    static Tally of(Suite suite, Collection<UUID> contractIds, Map<String, List<String>> expectedPerTopic) {
        Set<String> keys = contractIds.stream().map(UUID::toString).collect(Collectors.toSet());
        long published = 0;
        long lost = 0;
        long duplicated = 0;
        long resent = 0;
        List<String> problems = new ArrayList<>();
        for (var topic : expectedPerTopic.entrySet()) {
            Map<String, List<String>> actual = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (ConsumerRecord<String, String> r : suite.records(topic.getKey())) {
                if (keys.contains(r.key())) {
                    JsonNode event = json(r.value());
                    if (!seen.add(event.path("id").asText())) {
                        resent++; // the same event again, after a crash of its relay
                        continue;
                    }
                    actual.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event.path("type").asText());
                }
            }
            for (String key : keys) {
                List<String> got = actual.getOrDefault(key, List.of());
                published += got.size();
                Map<String, Long> want = count(topic.getValue());
                Map<String, Long> have = count(got);
                Set<String> types = new HashSet<>(want.keySet());
                types.addAll(have.keySet());
                for (String type : types) {
                    long diff = have.getOrDefault(type, 0L) - want.getOrDefault(type, 0L);
                    if (diff > 0) {
                        duplicated += diff;
                    } else {
                        lost -= diff;
                    }
                }
                if (!got.equals(topic.getValue())) {
                    problems.add(topic.getKey() + " " + key + ": " + got);
                }
            }
        }
        return new Tally(keys.size(), published, lost, duplicated, resent, problems);
    }

    static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static Map<String, Long> count(List<String> types) {
        return types.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    String summary(String scenario, int lifecycles, long consumed) {
        return String.format("%s: lifecycles %d, events published %d, consumed %d, lost %d, duplicated %d"
                + " (copies re-sent after a crash, same id, dropped by the consumers: %d)",
                scenario, lifecycles, published, consumed, lost, duplicated, resent);
    }
}
