package org.sansho.testsupport.security;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sansho.testsupport.TestKafka;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a service holds: the row count of every table of its database (the outbox by its unsent rows, since the relay
 * deletes sent ones after a while) and the end offset of every topic on the broker. Two equal snapshots around a
 * batch of requests prove that the requests changed nothing.
 */
public final class StateSnapshot {

    private StateSnapshot() {
    }

    public static Map<String, Long> take(DataSource dataSource) {
        Map<String, Long> state = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE' "
                    + "and table_name not like '%schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String sql = table.equals("outbox_event") ? "select count(*) from outbox_event where sent_at is null"
                        : "select count(*) from \"" + table + "\"";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    state.put("table " + table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, infos) -> {
                if (!topic.startsWith("__")) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            });
            consumer.endOffsets(partitions, Duration.ofSeconds(10))
                    .forEach((tp, offset) -> state.put("topic " + tp, offset));
        }
        return state;
    }

    /** A snapshot once the service has settled (two readings a second apart agree), so that earlier work is done. */
    public static Map<String, Long> settled(DataSource dataSource) {
        Map<String, Long> last = take(dataSource);
        for (int i = 0; i < 30; i++) {
            sleep();
            Map<String, Long> now = take(dataSource);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The entries that differ, as "name: before → after". */
    public static List<String> differences(Map<String, Long> before, Map<String, Long> after) {
        List<String> diff = new ArrayList<>();
        TreeMap<String, Long> all = new TreeMap<>(before);
        after.forEach(all::putIfAbsent);
        all.keySet().forEach(k -> {
            Long b = before.get(k);
            Long a = after.get(k);
            if (!java.util.Objects.equals(a, b) && !(b == null && Long.valueOf(0).equals(a))) {
                diff.add(k + ": " + b + " → " + a);
            }
        });
        return diff;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
