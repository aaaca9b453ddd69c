package org.sansho.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own JVM against the
 * test PostgreSQL and Kafka, for tests that need another service for real (and for the end-to-end suite).
 * Its output goes to {@code target/<module>-<port>.log} of the calling module. The system property
 * {@code sansho.jar.<module>} points at another build of the jar.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private boolean hookInstalled;

    private ServiceProcess(String module, Map<String, String> environment, int port) {
        this.module = module;
        String override = System.getProperty("sansho.jar." + module);
        this.jar = override != null ? Path.of(override)
                : Repository.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.environment = environment;
        this.port = port;
    }

    /**
     * Starts the service with its own database on the test PostgreSQL server, the test broker and the test
     * token keys, and waits until it reports ready.
     */
    public static ServiceProcess start(String module, String database, Map<String, String> extraEnvironment) {
        TestPostgres pg = TestPostgres.get();
        var keys = TestTokens.keys();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.database(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", extraEnvironment.containsKey("KAFKA_BOOTSTRAP_SERVERS")
                ? extraEnvironment.get("KAFKA_BOOTSTRAP_SERVERS") : TestKafka.get().bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY", TestTokens.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
        env.put("SMALLRYE_JWT_SIGN_KEY", TestTokens.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        env.put("SMALLRYE_JWT_NEW_TOKEN_ISSUER", TestTokens.ISSUER);
        env.putAll(extraEnvironment);
        ServiceProcess service = new ServiceProcess(module, new LinkedHashMap<>(env), freePort());
        service.startAndAwaitReady();
        return service;
    }

    /**
     * A second instance of the same service (same database, broker, consumer groups and settings) on another
     * port, started and ready: for scale-out tests.
     */
    public synchronized ServiceProcess another() {
        ServiceProcess other = new ServiceProcess(module, new LinkedHashMap<>(environment), freePort());
        other.startAndAwaitReady();
        return other;
    }

    public String module() {
        return module;
    }

    /** Whether the JVM is running (it may not be ready yet). */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The log file this instance appends its output to. */
    public Path log() {
        return Path.of("target", module + "-" + port + ".log").toAbsolutePath();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Starts (or restarts) the JVM and waits for /q/health/ready, at most {@code -Dsansho.service.ready-seconds}
     * (default 180: a busy build machine starts a service slowly).
     */
    public synchronized void startAndAwaitReady() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: package " + module
                    + " first (the reactor build './mvnw verify' packages it before the modules that use it)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        File log = log().toFile();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + module, e);
        }
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
            hookInstalled = true;
        }
        awaitReady(Duration.ofSeconds(Long.getLong("sansho.service.ready-seconds", 180)), log);
    }

    /** Changes a setting for the next start (e.g. to start the outbox relay again after a simulated crash). */
    public synchronized ServiceProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** SIGKILL: the JVM dies at once, as in a crash, without running shutdown hooks. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(Duration timeout, File log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
