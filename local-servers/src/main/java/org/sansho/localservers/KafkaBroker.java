package org.sansho.localservers;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), as the launcher, the tests
 * and the end-to-end runs use it: the same settings everywhere, run either in-JVM by Kafka's test kit (the tests) or
 * as a child process through Kafka's own entry point {@code kafka.Kafka} ({@link #formatCommand}, {@link #runCommand}),
 * so that it can be stopped and started again on the same log directory.
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    /**
     * What a one-node development broker needs beyond Kafka's defaults: topics created on first use with three
     * partitions (so that consumer groups of two instances share work), every internal topic on the one node, and
     * no wait before a new group's first rebalance.
     */
    public static Map<String, String> singleNodeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "3");
        settings.put("auto.create.topics.enable", "true");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "3");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        return settings;
    }

    /** {@code server.properties} of a broker process on loopback ports with its logs in {@code logDirectory}. */
    public static String serverProperties(Path logDirectory, int port, int controllerPort) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirectory));
        singleNodeSettings().forEach((k, v) -> lines.add(k + "=" + v));
        return String.join("\n", lines) + "\n";
    }

    /** The main class and arguments that format a new log directory (once, before the first start). */
    public static List<String> formatCommand(Path serverProperties, String clusterId) {
        return List.of("kafka.tools.StorageTool", "format", "--config", serverProperties.toString(),
                "--cluster-id", clusterId, "--standalone");
    }

    /** The main class and arguments that run the broker. */
    public static List<String> runCommand(Path serverProperties) {
        return List.of("kafka.Kafka", serverProperties.toString());
    }

    /** An admin client for a broker, with timeouts short enough to poll it. */
    public static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /**
     * Waits until the broker answers and serves the metadata of the topics it holds (answering is not enough after
     * a restart on an existing log).
     *
     * @param process the broker's process, whose exit ends the wait at once; null for a broker run elsewhere
     */
    public static void awaitReady(String bootstrapServers, Duration timeout, Process process)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue());
            }
            try (Admin admin = admin(bootstrapServers)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    Set<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + timeout, last);
    }
}
