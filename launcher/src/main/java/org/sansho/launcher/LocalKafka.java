package org.sansho.launcher;

import org.sansho.localservers.KafkaBroker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, {@link KafkaBroker}), run through Kafka's
 * official entry point {@code kafka.Kafka} as a child process from the Maven artifacts on the launcher's class path. Its log
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
            KafkaBroker.awaitReady(settings.externalKafkaBootstrap(), Duration.ofSeconds(30), null);
            return new LocalKafka(settings.externalKafkaBootstrap());
        }
        Path dir = settings.dataDirectory().resolve("kafka");
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Path config = dir.resolve("server.properties");
        Files.writeString(config, KafkaBroker.serverProperties(logs, settings.kafkaPort(),
                settings.kafkaControllerPort()), StandardCharsets.UTF_8);
        if (!Files.exists(logs.resolve("meta.properties"))) {
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int exit = children.java("kafka-format", KafkaBroker.formatCommand(config, clusterId),
                    Map.of(), settings.logs().resolve("kafka-format.log")).waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed; see "
                        + settings.logs().resolve("kafka-format.log"));
            }
        }
        Process broker = children.java("kafka", KafkaBroker.runCommand(config),
                Map.of(), settings.logs().resolve("kafka.log"));
        String bootstrap = "localhost:" + settings.kafkaPort();
        KafkaBroker.awaitReady(bootstrap, Duration.ofSeconds(180), broker);
        Launcher.say("Kafka broker (KRaft) on %s (%s)", bootstrap, logs);
        return new LocalKafka(bootstrap);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
