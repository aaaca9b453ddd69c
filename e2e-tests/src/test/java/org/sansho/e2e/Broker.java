package org.sansho.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) run through Kafka's own entry point
 * {@code kafka.Kafka} as a child process on fixed loopback ports, so that a test can stop it, kill it and start it
 * again on the same address with the same log directory (topics, records and committed offsets survive).
 */
final class Broker implements AutoCloseable {

    /** A broker on a busy machine may take minutes to start, longest when it restarts on an existing log. */
    private static final Duration READY = Duration.ofSeconds(Long.getLong("sansho.broker.ready-seconds", 420));

    private final Path directory;
    private final Path config;
    private final int port;
    private Process process;

    private Broker(Path directory, int port, int controllerPort) throws IOException {
        this.directory = directory;
        this.port = port;
        Files.createDirectories(directory.resolve("logs"));
        this.config = directory.resolve("server.properties");
        Files.writeString(directory.resolve("log4j2.properties"), String.join("\n", List.of(
                "appender.out.type=Console", "appender.out.name=out", "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d %p [%c] %m%n", "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out", "logger.kafka.name=kafka", "logger.kafka.level=INFO",
                "logger.state.name=state.change.logger", "logger.state.level=WARN")) + "\n");
        Files.writeString(config, String.join("\n", List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + directory.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0")) + "\n");
    }

    /** Formats a fresh log directory under {@code target/} and starts the broker. */
    static Broker start() {
        try {
            Path dir = Path.of("target", "e2e-kafka-" + System.currentTimeMillis()).toAbsolutePath();
            Broker broker = new Broker(dir, freePort(), freePort());
            int exit = broker.java("kafka-format", List.of("kafka.tools.StorageTool", "format", "--config",
                    broker.config.toString(), "--cluster-id", Uuid.randomUuid().toString(), "--standalone"))
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("Formatting the broker's log directory failed; see " + dir);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "e2e-broker-stop"));
            broker.startAndAwaitReady();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts (or starts again) the broker on the same ports and log directory, and waits until it answers. */
    synchronized void startAndAwaitReady() {
        process = java("kafka", List.of("kafka.Kafka", config.toString()));
        long deadline = System.nanoTime() + READY.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited with " + process.exitValue() + "; see " + directory);
            }
            try (Admin admin = admin()) {
                // Answering is not enough after a restart: it must serve the metadata of the topics it holds.
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    var topics = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The broker did not answer within " + READY + "; see " + directory, last);
    }

    /** A controlled shutdown (SIGTERM), as in a broker restart for maintenance. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    @Override
    public void close() {
        stop();
    }

    private Process java(String name, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        File log = directory.resolve(name + ".log").toFile();
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
