package org.sansho.launcher;

import java.io.IOException;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole suite on one machine with nothing but a JDK: a real Kafka broker and real PostgreSQL from
 * Maven artifacts, then the catalog, contract, assessment and webhook services, until Ctrl-C stops everything.
 *
 * <pre>
 *   run                                   start the suite (the default)
 *   token ROLE [--org UUID] [--subject S] [--hours H]   print a development bearer token
 * </pre>
 */
public final class Launcher {

    /** The services, in start order: name, module, port, database. */
    public record Service(String name, int port, String database) {
        public Path jar(Path repository) {
            return repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /** Set when Ctrl-C (or SIGTERM) starts the shutdown, so that services ending then are not reported. */
    private static volatile boolean stopping;

    /**
     * JVM options of every service the launcher (and the benchmark) starts, sized for a small machine: the serial
     * collector, a heap that starts small (the default initial heap is 1/64 of the RAM and was committed and
     * touched in full) and stays under 128 MB (the live set after warm-up is about 30 MB), smaller thread stacks,
     * and the client compiler only: on two cores the optimizing compiler's threads compete with the requests, and
     * its code and compiler arenas cost 40–60 MB of RSS (measured: 276–307 MB with it, 231–246 MB without, with
     * {@link ChildProcesses#MALLOC_ARENA_MAX}). The benchmark measures start-up and RSS with exactly these.
     *
     * <p>The code cache (64 MB; a service compiles 7–19 MB of code with the client compiler) asks for a collection
     * that unloads code each time {@code SweeperThreshold} percent of it has been filled since the last one: at the
     * JDK's 15 %, every 9.6 MB, which a service reaches once or twice in its first minute. With the serial collector
     * such a collection is a full one (88–545 ms measured in the benchmark's services). At 50 % it asks only past
     * 32 MB, more than a service ever compiles; a cache close to full is still collected ({@code
     * StartAggressiveSweepingAt}).
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx128m",
            "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:SweeperThreshold=50", "-XX:TieredStopAtLevel=1");

    /**
     * {@link #SERVICE_JVM_OPTIONS} plus a class archive per service under {@code cdsDirectory}, made by the service
     * itself: the first start of a build records what it loaded (and, on JDK 25, how its methods ran) when the
     * service stops; later starts map that archive instead of loading, verifying and linking those classes again.
     * The services are packaged as Quarkus {@code aot-jar}s, whose classes all come from the JDK's application class
     * loader, so the archive holds the whole service, not only the JDK's own classes.
     * <ul>
     *   <li>JDK 25 or later: the AOT cache (JEP 483, 514, 515): {@code -XX:AOTCacheOutput} on the first start,
     *       {@code -XX:AOTCache} after it;</li>
     *   <li>JDK 17 to 24: the dynamic AppCDS archive: {@code -XX:ArchiveClassesAtExit}, then
     *       {@code -XX:SharedArchiveFile}.</li>
     * </ul>
     * An archive older than the jar is made anew; the build itself pays nothing.
     */
    public static List<String> serviceJvmOptions(String name, Path jar, Path cdsDirectory) throws IOException {
        Files.createDirectories(cdsDirectory);
        boolean aotCache = ChildProcesses.serviceJavaFeature() >= 25;
        Path archive = cdsDirectory.resolve(name + (aotCache ? ".aot" : ".jsa"));
        List<String> options = new ArrayList<>(SERVICE_JVM_OPTIONS);
        options.addAll(extraJvmOptions());
        // The archive's notes (classes it skips, its own sizes, the code stubs it could not reuse) are not the
        // service's log, whose lines are JSON in production: every tag set of the archive is off.
        if (aotCache) {
            options.add("-Xlog:aot*=off");
        }
        options.add("-Xlog:cds*=off");
        boolean current = Files.exists(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        if (current) {
            options.add((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
        } else {
            Files.deleteIfExists(archive);
            options.add((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
        }
        return List.copyOf(options);
    }

    /** Options an operator adds to every service's JVM: {@code SANSHO_JVM_OPTIONS}, separated by spaces. */
    public static List<String> extraJvmOptions() {
        String extra = System.getenv("SANSHO_JVM_OPTIONS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    public static final List<Service> SERVICES = List.of(
            new Service("catalog-service", 8081, "catalog"),
            new Service("contract-service", 8082, "contract"),
            new Service("assessment-service", 8083, "assessment"),
            new Service("webhook-service", 8084, "webhook"));

    public static void main(String[] args) throws Exception {
        // The launcher's own libraries (admin client, embedded PostgreSQL) only speak up when something is wrong.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path repository = repositoryRoot();
        Settings settings = Settings.fromEnvironment(repository);
        String command = args.length == 0 ? "run" : args[0];
        switch (command) {
            case "run" -> run(settings);
            case "token" -> token(settings, List.of(args).subList(1, args.length));
            default -> {
                System.err.println("usage: sansho [run | token ROLE [--org UUID] [--subject NAME] [--hours N]]");
                System.exit(2);
            }
        }
    }

    static void say(String format, Object... args) {
        System.out.printf("[sansho] " + format + "%n", args);
    }

    private static void run(Settings settings) throws Exception {
        Files.createDirectories(settings.logs());
        for (Service s : SERVICES) {
            if (!Files.exists(s.jar(settings.repository()))) {
                throw new IllegalStateException(s.jar(settings.repository()) + " is missing: build with "
                        + "'./mvnw -DskipTests package' (the 'sansho' script does it for you)");
            }
        }
        Path lib = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("lib");
        ChildProcesses children = new ChildProcesses(settings.dataDirectory(), lib);
        children.endLeftovers();
        CountDownLatch stopped = new CountDownLatch(1);

        LocalPostgres postgres = LocalPostgres.start(settings);
        try {
            LocalKafka broker = LocalKafka.start(settings, children);
            DevelopmentKeys keys = DevelopmentKeys.load(settings.dataDirectory());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                say("Stopping the suite …");
                shutDown(children, postgres);
                say("Stopped. Data kept in %s", settings.dataDirectory());
                stopped.countDown();
            }, "sansho-stop"));

            List<Process> processes = new ArrayList<>();
            for (Service s : SERVICES) {
                Map<String, String> env = serviceEnvironment(postgres, s.database(), s.port(), broker, keys, settings,
                        "http://localhost:" + SERVICES.get(0).port());
                if (s.name().equals("webhook-service")) {
                    env.putAll(webhookEnvironment(settings));
                }
                Path jar = s.jar(settings.repository());
                processes.add(children.jar(s.name(), jar,
                        serviceJvmOptions(s.name(), jar, settings.dataDirectory().resolve("cds")), env,
                        settings.logs().resolve(s.name() + ".log")));
                say("Starting %s on port %d", s.name(), s.port());
            }
            for (int i = 0; i < SERVICES.size(); i++) {
                awaitReady(SERVICES.get(i), processes.get(i), settings);
            }
            printWelcome(settings, broker);
            watch(processes, stopped);
        } catch (Exception | Error e) {
            say("Start-up failed: %s", e.getMessage());
            shutDown(children, postgres);
            throw e;
        }
    }

    /** The environment a service runs with on the local database, broker and keys. */
    public static Map<String, String> serviceEnvironment(LocalPostgres postgres, String database, int port,
                                                         LocalKafka broker, DevelopmentKeys keys, Settings settings,
                                                         String catalogUrl) throws java.sql.SQLException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.database(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.credentials().get(0));
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.credentials().get(1));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile.toUri().toString());
        env.put("MP_JWT_VERIFY_ISSUER", settings.issuer());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKeyFile.toUri().toString());
        env.put("SMALLRYE_JWT_NEW_TOKEN_ISSUER", settings.issuer());
        env.put("QUARKUS_REST_CLIENT_CATALOG_URL", catalogUrl);
        return env;
    }

    /**
     * The webhook-service's own settings in the local suite: its secrets key from the data folder, and receivers on
     * this machine (http://localhost) allowed, so that a developer can point an endpoint at a local listener.
     */
    static Map<String, String> webhookEnvironment(Settings settings) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SANSHO_WEBHOOK_SECRETS_KEY", DevelopmentKeys.webhookSecretsKey(settings.dataDirectory()));
        env.put("SANSHO_WEBHOOK_ALLOW_LOOPBACK", "true");
        return env;
    }

    /** The services and the broker (child processes, newest first), then the database. */
    private static void shutDown(ChildProcesses children, LocalPostgres postgres) {
        try {
            children.close();
        } catch (Exception e) {
            say("While stopping the services and the broker: %s", e.getMessage());
        }
        try {
            postgres.close();
        } catch (Exception e) {
            say("While stopping PostgreSQL: %s", e.getMessage());
        }
    }

    /** Keeps the launcher alive; reports a service that exits on its own. */
    private static void watch(List<Process> processes, CountDownLatch stopped) throws InterruptedException {
        boolean[] reported = new boolean[processes.size()];
        while (!stopped.await(Duration.ofSeconds(2).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            for (int i = 0; i < processes.size(); i++) {
                if (!processes.get(i).isAlive() && !reported[i] && !stopping) {
                    reported[i] = true;
                    say("%s exited with %d; see its log. Ctrl-C stops the rest.", SERVICES.get(i).name(),
                            processes.get(i).exitValue());
                }
            }
        }
    }

    private static void awaitReady(Service service, Process process, Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with " + process.exitValue() + "; see "
                        + settings.logs().resolve(service.name() + ".log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + service.port() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    say("%s is ready (health UP)", service.name());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(service.name() + " was not ready within 120 s; see "
                + settings.logs().resolve(service.name() + ".log"));
    }

    private static void printWelcome(Settings settings, LocalKafka kafka) {
        System.out.println(welcome(settings, kafka.bootstrapServers()));
    }

    /** The run banner: where each service, the dashboard, the event stream and the logs are. */
    static String welcome(Settings settings, String kafkaBootstrap) {
        StringBuilder b = new StringBuilder("\n");
        b.append("  The Sansho compliance suite is running. Ctrl-C stops it; data stays in ")
                .append(settings.dataDirectory()).append("\n\n");
        for (Service s : SERVICES) {
            String base = "http://localhost:" + s.port();
            b.append(String.format("  %-19s API %s/api/v1   Swagger UI %s/q/swagger-ui   health %s/q/health%n",
                    s.name(), base, base, base));
        }
        b.append(String.format("%n  Kafka bootstrap     %s   (topics catalog.events, contract.events, assessment.events, webhook.events)%n",
                kafkaBootstrap));
        b.append("  Dashboard           http://localhost:8083/dashboard/   (log in with a token, see below)\n");
        b.append("  Event stream (SSE)  http://localhost:8083/api/v1/stream\n");
        b.append("  Webhooks            http://localhost:8084/api/v1/endpoints   (Standard Webhooks; loopback receivers allowed)\n");
        b.append("  Logs                ").append(settings.logs()).append("\n\n");
        b.append("  A token:  ./sansho token procurement --org <hospital-uuid>\n");
        b.append("            ./sansho token catalog-admin\n");
        b.append("  then      curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8081/api/v1/guidelines\n");
        return b.toString();
    }

    private static void token(Settings settings, List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("usage: sansho token ROLE [--org UUID] [--subject NAME] [--hours N]");
        }
        String role = args.get(0);
        UUID org = null;
        String subject = null;
        long hours = 8;
        for (int i = 1; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--org" -> org = UUID.fromString(args.get(i + 1));
                case "--subject" -> subject = args.get(i + 1);
                case "--hours" -> hours = Long.parseLong(args.get(i + 1));
                default -> throw new IllegalArgumentException("Unknown option " + args.get(i));
            }
        }
        DevelopmentKeys keys = DevelopmentKeys.load(settings.dataDirectory());
        String name = subject != null ? subject : role + (org == null ? "" : "@" + org);
        System.out.println(DevelopmentTokens.mint(keys.privateKey(), settings.issuer(), role, org, name,
                Duration.ofHours(hours)));
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw")) && Files.exists(d.resolve("launcher"))) {
                return d;
            }
        }
        return dir;
    }
}
