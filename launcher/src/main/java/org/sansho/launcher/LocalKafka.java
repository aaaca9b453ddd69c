package org.sansho.launcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run through Kafka's official entry
 * point {@code kafka.Kafka} as a child process from the Maven artifacts on the launcher's class path. Its log
 * directory lives under the local data folder and is formatted once, so topics and offsets survive a restart.
 * With SANSHO_KAFKA_BOOTSTRAP set, an existing cluster is used instead. The broker is one of the launcher's
 * {@link ChildProcesses} and is stopped with them.
 */
public final class LocalKafka {

    private final String bootstrapServers;

    private LocalKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public static LocalKafka start(Settings settings, ChildProcesses children) throws Exception {
        if (settings.externalKafkaBootstrap() != null) {
            awaitBroker(settings.externalKafkaBootstrap(), Duration.ofSeconds(30), null);
            return new LocalKafka(settings.externalKafkaBootstrap());
        }
        Path dir = settings.dataDirectory().resolve("kafka");
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties(settings, logs), StandardCharsets.UTF_8);
        if (!Files.exists(logs.resolve("meta.properties"))) {
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int exit = children.java("kafka-format", List.of("kafka.tools.StorageTool", "format",
                    "--config", config.toString(), "--cluster-id", clusterId, "--standalone"),
                    Map.of(), settings.logs().resolve("kafka-format.log")).waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed; see "
                        + settings.logs().resolve("kafka-format.log"));
            }
        }
        Process broker = children.java("kafka", List.of("kafka.Kafka", config.toString()),
                Map.of(), settings.logs().resolve("kafka.log"));
        String bootstrap = "localhost:" + settings.kafkaPort();
        awaitBroker(bootstrap, Duration.ofSeconds(180), broker);
        Launcher.say("Kafka broker (KRaft) on %s (%s)", bootstrap, logs);
        return new LocalKafka(bootstrap);
    }

    private static String serverProperties(Settings s, Path logs) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + s.kafkaControllerPort(),
                "listeners=PLAINTEXT://localhost:" + s.kafkaPort() + ",CONTROLLER://localhost:" + s.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + s.kafkaPort() + ",CONTROLLER://localhost:" + s.kafkaControllerPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168"));
        return String.join("\n", lines) + "\n";
    }

    private static void awaitBroker(String bootstrap, Duration timeout, Process broker) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (broker != null && !broker.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + broker.exitValue());
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + timeout, last);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
