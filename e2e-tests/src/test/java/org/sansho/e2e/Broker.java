package org.sansho.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.sansho.localservers.KafkaBroker;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller, {@link KafkaBroker}) run through Kafka's own
 * entry point {@code kafka.Kafka} as a child process on fixed loopback ports, so that a test can stop it, kill it and start it
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
        Files.writeString(config, KafkaBroker.serverProperties(directory.resolve("logs"), port, controllerPort));
    }

    /** Formats a fresh log directory under {@code target/} and starts the broker. */
    static Broker start() {
        try {
            Path dir = Path.of("target", "e2e-kafka-" + System.currentTimeMillis()).toAbsolutePath();
            Broker broker = new Broker(dir, freePort(), freePort());
            int exit = broker.java("kafka-format", KafkaBroker.formatCommand(broker.config,
                    Uuid.randomUuid().toString())).waitFor();
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
        process = java("kafka", KafkaBroker.runCommand(config));
        try {
            KafkaBroker.awaitReady(bootstrapServers(), READY, process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; see " + directory, e.getCause());
        }
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
        return KafkaBroker.admin(bootstrapServers());
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
