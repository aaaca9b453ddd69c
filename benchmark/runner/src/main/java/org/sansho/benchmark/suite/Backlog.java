package org.sansho.benchmark.suite;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.sansho.launcher.LocalPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The work the suite still owes after a load: outbox rows not yet sent, audit records not yet sealed, and records
 * the services' consumer groups have not yet consumed. A load measured while the previous one's backlog drains
 * measures both; the runner waits for none to be left.
 */
public final class Backlog {

    private static final List<String> DATABASES = List.of("catalog", "contract", "assessment");

    private final LocalPostgres postgres;
    private final String bootstrapServers;

    public Backlog(LocalPostgres postgres, String bootstrapServers) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
    }

    /** What is left, by kind; empty when the suite is quiet. */
    public Map<String, Long> left() throws Exception {
        Map<String, Long> left = new HashMap<>();
        for (String db : DATABASES) {
            try (Connection c = postgres.connect(db);
                 Statement s = c.createStatement()) {
                add(left, db + " outbox", count(s, "select count(*) from outbox_event where sent_at is null"));
                add(left, db + " audit", count(s, "select count(*) from audit_record where seq is null"));
            }
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                // The live streams' groups read from the latest offset and commit nothing worth waiting for.
                if (group.groupId().contains("-stream-")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                long lag = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
                add(left, group.groupId() + " lag", lag);
            }
        }
        return left;
    }

    /** Waits (at most {@code maxSeconds}) until nothing is left; returns what was left when it gave up, or empty. */
    public Map<String, Long> awaitNone(int maxSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        Map<String, Long> left = left();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = left();
        }
        return left;
    }

    private static void add(Map<String, Long> left, String what, long n) {
        if (n > 0) {
            left.put(what, n);
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
