package org.sansho.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sansho.launcher.ChildProcesses;
import org.sansho.launcher.DevelopmentKeys;
import org.sansho.launcher.Launcher;
import org.sansho.launcher.LocalKafka;
import org.sansho.launcher.LocalPostgres;
import org.sansho.launcher.Settings;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * The benchmark: one run on the packaged services (JVM mode) against real PostgreSQL and Kafka, started with the
 * launcher's own pieces on ports of their own, with the ceilings measured in the same run.
 *
 * <pre>
 *   java -jar benchmark/runner/target/sansho-benchmark.jar [--full] [--jfr] [--stages a,b] [--out DIR]
 * </pre>
 */
public final class Bench {

    private static final int CEILING_PORT = 28080;
    private static final int CATALOG_PORT = 28081;
    private static final int CONTRACT_PORT = 28082;
    private static final int ASSESSMENT_PORT = 28083;
    private static final int CONCURRENCY = 16;
    /** How many spans of each load a measurement in turns has ({@link #inTurns}). */
    private static final int TURNS = 6;

    private final boolean full;
    private boolean jfr;
    /** The stages a run can be narrowed to with {@code --stages a,b} (for profiling one of them); all by default. */
    static final List<String> STAGES = List.of("ceilings", "writes", "reads", "vendor", "events", "growth",
            "restarts");
    private List<String> stages = STAGES;
    private final Duration warmUp;
    private final Duration measure;
    private final Duration eventWindow;
    private final Report report = new Report();
    private final Path repository;
    private final Settings settings;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final CpuMeter cpu = new CpuMeter(() -> {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        processes.forEach((name, p) -> handles.put(name, p.toHandle()));
        return handles;
    });
    private final long started = System.nanoTime();
    private HttpClient http;
    private Load load;
    private Suite suite;
    private LocalPostgres postgres;
    /** PostgreSQL's start, run beside the broker's; stopping the run waits for it, whether or not it was used. */
    private CompletableFuture<LocalPostgres> database;
    private LocalKafka kafka;
    private static final String APPLICABILITY_AT_RATE = "applicability (5000 requirements), open model";
    private static final String READ_CEILING = "read ceiling: GET /rows/{id}";
    /** The read ceiling measured in turns with a read whose ratio to it is a target (see {@link #inTurns}). */
    private static final String READ_CEILING_IN_TURNS = "read ceiling, in turns with ";

    private Bench(boolean full, Path repository) {
        this.full = full;
        this.warmUp = Duration.ofSeconds(full ? 10 : 2);
        this.measure = Duration.ofSeconds(full ? 30 : 5);
        this.eventWindow = Duration.ofSeconds(full ? 20 : 3);
        this.repository = repository;
        this.settings = new Settings(repository, repository.resolve("benchmark/target/bench-data"), 25432, 29092,
                29093, null, "postgres", "postgres", null, Suite.ISSUER);
    }

    public static void main(String[] args) throws Exception {
        boolean full = List.of(args).contains("--full");
        Path repository = Launcher.repositoryRoot();
        Path out = repository.resolve("benchmark/target/results");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]).toAbsolutePath();
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Bench bench = new Bench(full, repository);
        bench.jfr = List.of(args).contains("--jfr");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--stages")) {
                bench.stages = List.of(args[i + 1].split(","));
                if (!STAGES.containsAll(bench.stages)) {
                    throw new IllegalArgumentException("--stages takes some of " + STAGES);
                }
            }
        }
        bench.run(out);
    }

    private boolean stage(String name) {
        return stages.contains(name);
    }

    private void progress(String format, Object... args) {
        System.out.printf("[bench %5.0fs] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
    }

    private void run(Path out) throws Exception {
        progress("%s form: warm-up %ds, measurement %ds per load; results in %s", full ? "full" : "short",
                warmUp.toSeconds(), measure.toSeconds(), out);
        for (String module : List.of("catalog-service", "contract-service", "assessment-service", "benchmark/ceiling")) {
            if (!Files.exists(jar(module))) {
                throw new IllegalStateException(jar(module) + " is missing: package first ('./sansho build')");
            }
        }
        Path lib = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                .resolve("lib");
        ChildProcesses children = new ChildProcesses(settings.dataDirectory(), lib);
        // a run that was killed before it could stop its processes leaves them behind: they would hold the ports
        children.endLeftovers();
        deleteRecursively(settings.dataDirectory());
        Files.createDirectories(settings.logs());
        // The run uses a copy of each packaged app, so that a rebuild during the run cannot pull it away.
        for (String module : List.of("catalog-service", "contract-service", "assessment-service", "benchmark/ceiling")) {
            copyRecursively(repository.resolve(module).resolve("target/quarkus-app"), appDirectory(module));
        }
        machineFacts();
        progress("Starting PostgreSQL and Kafka");
        // PostgreSQL (initdb, start) in the background while the broker starts: neither needs the other
        database = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalPostgres.start(settings);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
            }
        });
        // Interrupted (Ctrl-C, TERM), the run still stops what it started; ending normally, it stops them itself.
        AtomicBoolean stopped = new AtomicBoolean();
        Thread stopOnSignal = new Thread(() -> stopAll(children, stopped), "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            kafka = LocalKafka.start(settings, children);
            postgres = database.join();
            DevelopmentKeys keys = DevelopmentKeys.load(settings.dataDirectory());
            http = Load.newClient();
            load = new Load(http);
            startServices(children, kafka, keys);
            startOnAotCaches(children);
            suite = new Suite(base(CATALOG_PORT), base(CONTRACT_PORT), base(ASSESSMENT_PORT), http, keys);

            try {
                if (stage("ceilings")) {
                    ceilings(kafka);
                }
                Suite.Parties parties = suite.parties("ベンチ");
                if (stage("reads")) {
                    catalogData();
                }
                if (stage("writes") || stage("reads") || stage("vendor")) {
                    // reads and vendor responses need the contracts and assessments the writes leave
                    List<UUID> drafts = writes(parties);
                    List<UUID> assessments = awaitAssessments(parties);
                    if (stage("reads")) {
                        awaitQuiet("the writes");
                        reads(parties, drafts, assessments);
                    }
                    if (stage("vendor")) {
                        awaitQuiet("the reads");
                        vendorResponses(parties, assessments);
                    }
                }
                if (stage("events")) {
                    awaitQuiet("the earlier stages");
                    eventLatency(parties);
                }
                if (stage("growth")) {
                    awaitQuiet("the earlier stages");
                    growth();
                }
                memory();
                if (stage("restarts")) {
                    restarts(children);
                }
            } catch (Exception e) {
                report.facts.put("run ended early", e.toString());
                progress("The run ended early: %s (what was measured is still written)", e);
            }
            judge();
        } finally {
            stopAll(children, stopped);
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        }
        report.write(out);
        progress("Wrote %s, %s and %s", out.resolve("result.json"), out.resolve("result.md"),
                out.resolve("latency.html"));
        System.out.println();
        System.out.println(report.markdown());
    }

    private void stopAll(ChildProcesses children, AtomicBoolean stopped) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        progress("Stopping the services, Kafka and PostgreSQL");
        try {
            stopTogether();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // what is left: the broker
            children.close();
        } catch (Exception e) {
            progress("Stopping the services and Kafka failed: %s", e);
        }
        try {
            database.join().close();
        } catch (Exception e) {
            progress("Stopping PostgreSQL failed: %s", e);
        }
    }

    // ---------------------------------------------------------------- start-up

    private record Start(String name, String module, int port, String database) {
    }

    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    /** Per service, what its last start waited for (see {@link #awaitReady}). */
    private final Map<String, String> readiness = new ConcurrentHashMap<>();
    /** The services whose current start records a class archive (written when it stops). */
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private final List<Start> starts = new ArrayList<>();

    private void startServices(ChildProcesses children, LocalKafka kafka, DevelopmentKeys keys) throws Exception {
        String catalogUrl = base(CATALOG_PORT);
        starts.addAll(List.of(new Start("catalog-service", "catalog-service", CATALOG_PORT, "catalog"),
                new Start("contract-service", "contract-service", CONTRACT_PORT, "contract"),
                new Start("assessment-service", "assessment-service", ASSESSMENT_PORT, "assessment"),
                new Start("ceiling", "benchmark/ceiling", CEILING_PORT, "ceiling")));
        for (Start s : starts) {
            Map<String, String> env = Launcher.serviceEnvironment(postgres, s.database(), s.port(), kafka, keys,
                    settings, catalogUrl);
            if (s.name().equals("catalog-service")) {
                // Importing a 5,000-requirement catalog is one transaction; on a busy two-core machine it can take
                // longer than the default 60 s. Set-up only: no measured request comes near it.
                env.put("QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "10m");
                // and its OSCAL document is larger than the 4 MiB request-body limit set for real catalogs
                env.put("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "64M");
            }
            environments.put(s.name(), env);
        }
        // All at once, as ./sansho starts them: the first start (empty database, migrations, perhaps recording a
        // class archive) is not a target; the restarts at the end, one at a time, are.
        Map<String, Double> ready = startTogether(children, "first");
        for (Start s : starts) {
            report.firstStartMillis.put(s.name(), ready.get(s.name()));
            progress("%s ready in %.0f ms (first start, the four together: empty database, migrations%s%s)", s.name(),
                    ready.get(s.name()), s.name().equals("catalog-service") ? ", catalog content seeded" : "",
                    recording.contains(s.name()) ? ", recording its class archive" : "");
        }
    }

    /**
     * Starts every service of {@link #starts} at once and waits until each is ready, each on a thread of its own so
     * that each time is its own: from its process start to its health UP, in ms.
     */
    private Map<String, Double> startTogether(ChildProcesses children, String start) throws Exception {
        Map<String, CompletableFuture<Double>> ready = new LinkedHashMap<>();
        for (Start s : starts) {
            List<String> options = jvmOptions(s.name(), start);
            long t0 = System.nanoTime();
            Process p = children.jar(s.name(), jar(s.module()), options, environments.get(s.name()),
                    settings.logs().resolve(s.name() + ".log"));
            processes.put(s.name(), p);
            ready.put(s.name(), CompletableFuture.supplyAsync(() -> {
                try {
                    awaitReady(s.name(), s.port(), p);
                    return (System.nanoTime() - t0) / 1e6;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, command -> new Thread(command, "ready-" + s.name()).start()));
        }
        Map<String, Double> millis = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<Double>> e : ready.entrySet()) {
            millis.put(e.getKey(), e.getValue().join());
        }
        return millis;
    }

    /**
     * Stops the services and starts each again on its now migrated database, one at a time, so that each start-up
     * time is the service's own and not a share of the two cores: the start-up that counts.
     */
    private void restarts(ChildProcesses children) throws Exception {
        stopTogether();
        for (Start s : starts) {
            Path log = settings.logs().resolve(s.name() + ".log");
            long from = Files.exists(log) ? Files.size(log) : 0;
            double ms = restart(children, s, "restart");
            report.startMillis.put(s.name(), ms);
            StartupSteps steps = startupSteps(log, from);
            report.restartSteps.put(s.name(), steps);
            progress("%s restarted: ready in %.0f ms (%s); %s", s.name(), ms, readiness.get(s.name()),
                    steps.summary(5));
        }
    }

    /**
     * Stops every service and the ceiling at once and waits until each has ended: a service's stop closes its
     * Kafka clients and, after a start that records a class archive, writes it, none of which needs the others.
     */
    private void stopTogether() throws InterruptedException {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            if (!p.waitFor(ChildProcesses.STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * On JDK 25 a first start that found no current AOT cache runs in the cache's recording mode (the cache is
     * written when it stops), which is the first start of a deployment, not its steady state: each such service is
     * restarted once on its cache before any load, so that every load is measured on processes started the way
     * production starts them. The restarts at the end then measure a start on that cache. The caches outlive the
     * run ({@link #archiveDirectory}): a later run of the same build starts on them at once and skips this.
     */
    private void startOnAotCaches(ChildProcesses children) throws Exception {
        if (recording.isEmpty() || ChildProcesses.serviceJavaFeature() < 25) {
            return;
        }
        // Each writes its cache in a JVM of its own, and nothing is measured meanwhile.
        progress("Stopping the first starts: each service writes its AOT cache (once per build)");
        stopTogether();
        recording.clear();
        Map<String, Double> ready = startTogether(children, "cached");
        ready.forEach((name, ms) -> progress("%s started on its AOT cache: ready in %.0f ms", name, ms));
    }

    /**
     * What a restart's log says of its steps ({@link StartupSteps}), from {@code from} (the log's size before the
     * start). Health can answer UP a moment before the "started in" line is written, so this waits for it a little.
     */
    private static StartupSteps startupSteps(Path log, long from) throws IOException, InterruptedException {
        StartupSteps steps = StartupSteps.parse("");
        for (int i = 0; i < 100 && !steps.complete(); i++) {
            if (i > 0) {
                Thread.sleep(20);
            }
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                byte[] tail = new byte[(int) Math.max(0, file.length() - from)];
                file.seek(from);
                file.readFully(tail);
                steps = StartupSteps.parse(new String(tail, StandardCharsets.UTF_8));
            }
        }
        return steps;
    }

    /** Starts a stopped service alone and returns its time from process start to health UP, in ms. */
    private double restart(ChildProcesses children, Start s, String start) throws Exception {
        long t0 = System.nanoTime();
        Process p = children.jar(s.name(), jar(s.module()), jvmOptions(s.name(), start),
                environments.get(s.name()), settings.logs().resolve(s.name() + ".log"));
        awaitReady(s.name(), s.port(), p);
        processes.put(s.name(), p);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The launcher's options; with --jfr also a profiling recording per start, dumped when the process ends. */
    private List<String> jvmOptions(String name, String start) throws IOException {
        String module = starts.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().module();
        List<String> options = new ArrayList<>(Launcher.serviceJvmOptions(name, jar(module), archiveDirectory()));
        if (jfr) {
            // The JVM turns JFR off while it records a class archive: a profiled run records none.
            options.removeIf(Bench::recordsArchive);
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + settings.logs().resolve(name + "-" + start + ".jfr"));
        }
        if (options.stream().anyMatch(Bench::recordsArchive)) {
            recording.add(name);
        }
        if (start.equals("restart")) {
            // The restart that the target judges also says where its time went: a few lines, nothing run for them.
            options.add(StartupSteps.OPTION);
        }
        return options;
    }

    /** Whether a JVM option makes the start record a class archive (written when the process stops). */
    private static boolean recordsArchive(String option) {
        return option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-XX:AOTCacheOutput");
    }

    /**
     * Where the services' class archives are kept: beside the data folder, not in it, so that they outlive the run
     * (the data folder is made anew each time) and a later run of the same build starts on them. The launcher makes
     * an archive anew when the jar is newer; the folder is emptied when the services' JDK or JVM options change, as
     * an archive made with other ones would not be used.
     */
    private Path archiveDirectory() throws IOException {
        Path dir = repository.resolve("benchmark/target/class-archives");
        String made = ChildProcesses.serviceJavaHome() + " " + ChildProcesses.serviceJavaVersion() + "\n"
                + String.join(" ", Launcher.SERVICE_JVM_OPTIONS) + " " + String.join(" ", Launcher.extraJvmOptions())
                + "\n";
        Path stamp = dir.resolve("made-with.txt");
        if (!Files.exists(stamp) || !Files.readString(stamp).equals(made)) {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            Files.writeString(stamp, made);
        }
        return dir;
    }

    /**
     * Waits for health UP and notes in {@link #readiness} what the wait was made of: how long until the service
     * answered HTTP at all, and which readiness checks were still DOWN after that.
     */
    private void awaitReady(String name, int port, Process p) throws Exception {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
        long answered = 0;
        Set<String> down = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + "; see "
                        + settings.logs().resolve(name + ".log"));
            }
            try {
                HttpResponse<String> r = probe.send(Suite.request(base(port), "/q/health/ready", null).build(),
                        HttpResponse.BodyHandlers.ofString());
                answered = answered == 0 ? System.nanoTime() : answered;
                if (r.statusCode() == 200) {
                    readiness.put(name, String.format("answering HTTP after %.0f ms%s", (answered - t0) / 1e6,
                            down.isEmpty() ? ", UP at once" : "; DOWN until then: " + String.join(", ", down)));
                    return;
                }
                for (JsonNode check : Suite.JSON.readTree(r.body()).path("checks")) {
                    if (!"UP".equals(check.path("status").asText())) {
                        down.add(check.path("name").asText());
                    }
                }
            } catch (IOException e) {
                // not listening yet, or not a health report
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " was not ready within 300 s");
    }

    // ---------------------------------------------------------------- ceilings

    private void ceilings(LocalKafka kafka) throws Exception {
        String c = base(CEILING_PORT);
        progress("Ceiling: trivial JSON GET");
        closed("ceilings", "framework ceiling: GET /ping", load.expect(200, n -> Suite.request(c, "/ping", null)
                .build()), null);
        progress("Ceiling: Panache find-by-id GET");
        closed("ceilings", READ_CEILING, readCeiling(), null);
        progress("Ceiling: Panache single-row insert POST");
        closed("ceilings", "write ceiling: POST /rows", load.expect(201, n -> Suite.post(c, "/rows", null,
                Map.of("name", "row " + n, "amount", n % 1000))), null);
        progress("Ceiling: Kafka produce → consume round trip at 50/s");
        CpuMeter.Snapshot before = cpu.snapshot();
        Load.Result broker = brokerRoundTrip(kafka, 50);
        report.add("event latency", "broker ceiling: produce → consume, 50/s", broker, null,
                CpuMeter.between(before, cpu.snapshot(), broker.count()));
    }

    private Load.Result brokerRoundTrip(LocalKafka kafka, double rate) throws Exception {
        String topic = "bench.round-trip";
        Map<String, Object> common = Map.of("bootstrap.servers", kafka.bootstrapServers());
        Map<String, Object> producerConfig = new LinkedHashMap<>(common);
        producerConfig.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerConfig.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        producerConfig.put("acks", "all");
        producerConfig.put("linger.ms", "0");
        Map<String, Object> consumerConfig = new LinkedHashMap<>(common);
        consumerConfig.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerConfig.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerConfig.put("group.id", "bench-" + UUID.randomUUID());
        consumerConfig.put("auto.offset.reset", "latest");
        Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
        Map<String, Long> intendedAt = new ConcurrentHashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "create", "create")).get(30, TimeUnit.SECONDS);
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(10));
            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                        CompletableFuture<Long> f = pending.remove(r.key());
                        Long intended = intendedAt.remove(r.key());
                        if (f != null && intended != null) {
                            f.complete(System.nanoTime() - intended);
                        }
                    }
                }
                consumer.close();
            }, "bench-consumer");
            reader.start();
            try {
                // The consumer is positioned once a record sent now comes back; only then does the clock run.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                boolean positioned = false;
                for (int w = 0; !positioned && System.nanoTime() < deadline; w++) {
                    String k = "warm-up-" + w;
                    CompletableFuture<Long> f = new CompletableFuture<>();
                    intendedAt.put(k, System.nanoTime());
                    pending.put(k, f);
                    producer.send(new ProducerRecord<>(topic, k, "{}"));
                    try {
                        f.get(1, TimeUnit.SECONDS);
                        positioned = true;
                    } catch (java.util.concurrent.TimeoutException e) {
                        pending.remove(k);
                    }
                }
                AtomicLong seq = new AtomicLong();
                return Load.open(intended -> {
                    String k = Long.toString(seq.incrementAndGet());
                    CompletableFuture<Long> f = new CompletableFuture<>();
                    intendedAt.put(k, intended);
                    pending.put(k, f);
                    producer.send(new ProducerRecord<>(topic, k, "{\"n\":" + k + "}"), (m, e) -> {
                        if (e != null) {
                            f.complete(-1L);
                        }
                    });
                    return f;
                }, rate, measure, Integer.MAX_VALUE);
            } finally {
                running.set(false);
                reader.join(5000);
            }
        }
    }

    // ---------------------------------------------------------------- catalog data

    private void catalogData() throws Exception {
        progress("Loading two catalogs through the OSCAL import: 5,000 and 500 requirements");
        JsonNode oscal = suite.send(Suite.request(suite.catalog,
                "/api/v1/guidelines/meti-mic-medical-service-provider/versions/1.1/oscal",
                suite.token("catalog-admin", null)).build(), 200);
        // both at once, each on a thread of its own (the common pool has one thread on two cores): set-up, not
        // measured, and two guidelines' imports touch nothing of each other's
        List<CompletableFuture<Void>> imports = new ArrayList<>();
        for (int size : new int[]{5000, 500}) {
            imports.add(CompletableFuture.runAsync(() -> {
                try {
                    importCatalog(oscal, size);
                } catch (Exception e) {
                    throw new IllegalStateException("Loading the " + size + "-requirement catalog failed: " + e, e);
                }
            }, command -> new Thread(command, "import-" + size).start()));
        }
        imports.forEach(CompletableFuture::join);
    }

    private void importCatalog(JsonNode oscal, int size) throws Exception {
        String id = "bench-catalog-" + size;
        suite.send(Suite.post(suite.catalog, "/api/v1/guidelines", suite.token("catalog-admin", null),
                Map.of("id", id, "issuer", "METI_MIC", "audience", "BOTH",
                        "title", Map.of("ja", "ベンチマーク用 " + size, "en", "Benchmark catalog " + size))), 201);
        suite.send(Suite.slowPost(suite.catalog, "/api/v1/imports/oscal?guidelineId=" + id + "&version=1",
                suite.token("catalog-admin", null), Oscal.scaled(oscal, size, "BENCH" + size + "-")), 201);
        suite.send(Suite.slowPost(suite.catalog, "/api/v1/guidelines/" + id + "/versions/1/publish",
                suite.token("catalog-admin", null), Map.of()), 200);
    }

    // ---------------------------------------------------------------- writes

    private List<UUID> writes(Suite.Parties p) throws Exception {
        String token = suite.token("procurement", p.hospital());
        ConcurrentLinkedQueue<UUID> created = new ConcurrentLinkedQueue<>();
        progress("Write: contract create");
        closed("writes", "contract create: POST /contracts", load.check(n -> Suite.post(suite.contract,
                "/api/v1/contracts", token, Suite.newContract(p, n)), r -> {
                    if (r.statusCode() != 201) {
                        return false;
                    }
                    created.add(UUID.fromString(idOf(r.body())));
                    return true;
                }), null);
        // Transitions need DRAFT contracts of their own, and so does the event-latency stage later on.
        ConcurrentLinkedQueue<UUID> drafts = new ConcurrentLinkedQueue<>(created);
        progress("Write: state transition DRAFT → DISCLOSURE_REQUESTED (%d DRAFT contracts at hand)", drafts.size());
        closed("writes", "transition: POST /contracts/{id}/transitions", n -> {
            UUID id = drafts.poll();
            if (id == null) {
                return null;
            }
            return http.sendAsync(Suite.post(suite.contract, "/api/v1/contracts/" + id + "/transitions", token,
                    Map.of("to", "DISCLOSURE_REQUESTED", "reason", "benchmark")), HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> r.statusCode() == 200);
        }, "each on its own DRAFT contract; opens a pre-contract assessment");
        return new ArrayList<>(created);
    }

    /** Waits until the transitions' assessments are all open, so that the next loads run on a quiet suite. */
    private List<UUID> awaitAssessments(Suite.Parties p) throws Exception {
        long expected = report.result("transition: POST /contracts/{id}/transitions").count();
        progress("Waiting for the %d assessments the transitions open", expected);
        String token = suite.token("procurement", p.hospital());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        JsonNode page = null;
        while (System.nanoTime() < deadline) {
            page = suite.send(Suite.request(suite.assessment,
                    "/api/v1/assessments?size=100&exactTotal=true&hospital=" + p.hospital(), token).build(), 200);
            if (page.path("totalItems").asLong() >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        List<UUID> ids = new ArrayList<>();
        page.path("items").forEach(a -> ids.add(UUID.fromString(a.path("id").asText())));
        progress("%d assessments open", page.path("totalItems").asLong());
        return ids;
    }

    // ---------------------------------------------------------------- reads

    private void reads(Suite.Parties p, List<UUID> contracts, List<UUID> assessments) throws Exception {
        String token = suite.token("procurement", p.hospital());
        progress("Read: contract GET by id, in turns with the read ceiling");
        inTurns("reads", "contract GET by id", load.expect(200, n -> Suite.request(suite.contract,
                "/api/v1/contracts/" + contracts.get((int) (n % contracts.size())), token).build()), null);
        for (int size : new int[]{5000, 500}) {
            progress("Read: applicability, SaaS pre-contract checklist, %d requirements%s", size,
                    size == 5000 ? ", in turns with the read ceiling" : "");
            Map<String, Object> body = Map.of(
                    "baseline", List.of(Map.of("guidelineId", "bench-catalog-" + size, "version", "1")),
                    "phases", List.of("PRE_CONTRACT"), "parties", List.of("VENDOR", "SHARED"),
                    "serviceModel", "SAAS", "dataCategories", List.of("OTHER_PERSONAL_HEALTH_INFO"));
            // as browsers and HTTP libraries ask for it: the checklist is sent gzip-encoded
            LongFunction<HttpRequest> request = n -> Suite.request(suite.catalog,
                    "/api/v1/applicability", token).header("Content-Type", "application/json")
                    .header("Accept-Encoding", "gzip").POST(Suite.body(body)).build();
            String name = "applicability (" + size + " requirements)";
            if (size == 5000) {
                inTurns("reads", name, load.expect(200, request::apply), "Accept-Encoding: gzip");
                applicabilityAtFixedRate(request, rps(READ_CEILING_IN_TURNS + name));
            } else {
                closed("growth", name, load.expect(200, request::apply), "Accept-Encoding: gzip");
            }
        }
        progress("Read: requirement search, 5,000 requirements");
        closed("reads", "requirement search (5,000 requirements)", load.expect(200, n -> Suite.request(suite.catalog,
                "/api/v1/guidelines/bench-catalog-5000/versions/1/requirements?q=BENCH5000-" + (1 + n % 499)
                        + "&size=20", token).build()), "q matches keys BENCH5000-n*");
        progress("Read: assessment items");
        closed("reads", "assessment items (page of 20)", load.expect(200, n -> Suite.request(suite.assessment,
                "/api/v1/assessments/" + assessments.get((int) (n % assessments.size())) + "/items?size=20", token)
                .build()), null);
        progress("Read: posture");
        closed("reads", "posture of a hospital", load.expect(200, n -> Suite.request(suite.assessment,
                "/api/v1/posture?hospital=" + p.hospital(), token).build()), null);
    }

    // ---------------------------------------------------------------- vendor responses

    private void vendorResponses(Suite.Parties p, List<UUID> assessments) throws Exception {
        String vendorToken = suite.token("vendor", p.vendor());
        record Item(UUID assessment, String key, String etag) {
        }
        ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
        for (UUID a : assessments.subList(0, Math.min(20, assessments.size()))) {
            JsonNode page = suite.send(Suite.request(suite.assessment, "/api/v1/assessments/" + a + "/items?size=100",
                    vendorToken).build(), 200);
            for (JsonNode item : page.path("items")) {
                String key = item.path("key").asText(item.path("requirementKey").asText());
                HttpResponse<String> r = http.send(Suite.request(suite.assessment, "/api/v1/assessments/" + a
                        + "/items/" + key, vendorToken).build(), HttpResponse.BodyHandlers.ofString());
                r.headers().firstValue("ETag").ifPresent(etag -> items.add(new Item(a, key, etag)));
            }
        }
        progress("Write: vendor response PUT (%d items, each with its current ETag)", items.size());
        String[] statuses = {"IMPLEMENTED", "PARTIAL"};
        closed("writes", "vendor response: PUT /assessments/{id}/items/{key}/response", n -> {
            Item item = items.poll();
            if (item == null) {
                return null;
            }
            HttpRequest put = Suite.request(suite.assessment, "/api/v1/assessments/" + item.assessment() + "/items/"
                    + item.key() + "/response", vendorToken).header("Content-Type", "application/json")
                    .header("If-Match", item.etag())
                    .PUT(Suite.body(Map.of("status", statuses[(int) (n % 2)], "statement", "benchmark answer " + n)))
                    .build();
            return http.sendAsync(put, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
                items.add(new Item(item.assessment(), item.key(), r.headers().firstValue("ETag").orElse(item.etag())));
                return r.statusCode() == 200;
            });
        }, "If-Match with the item's current ETag");
    }

    // ---------------------------------------------------------------- event latency

    /**
     * From a transition's HTTP response to the assessment it opens being visible over HTTP: the
     * assessment-service's event stream (SSE) shows assessment.opened once the assessment is committed and its
     * fact relayed, so the time measured is an upper bound of when a GET would see it.
     */
    private void eventLatency(Suite.Parties p) throws Exception {
        String token = suite.token("procurement", p.hospital());
        double[] rates = {50, 100, 200};
        // as every load has, a warm-up: the first rate for the warm-up time, not measured
        int needed = (int) (rates[0] * warmUp.toSeconds()) + 1;
        for (double r : rates) {
            needed += (int) (r * eventWindow.toSeconds()) + 1;
        }
        progress("Event latency: creating %d DRAFT contracts", needed);
        ConcurrentLinkedQueue<UUID> drafts = new ConcurrentLinkedQueue<>();
        load.closed(load.check(n -> Suite.post(suite.contract, "/api/v1/contracts", token, Suite.newContract(p, n)),
                r -> r.statusCode() == 201 && drafts.add(UUID.fromString(idOf(r.body())))), CONCURRENCY,
                Duration.ZERO, Duration.ofMinutes(3), needed);
        awaitConsumersCaughtUp("the contract facts of the new DRAFT contracts");
        Map<String, Long> respondedAt = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicLong streamed = new AtomicLong();
        AtomicLong opened = new AtomicLong();
        // where the time goes: the contract's own fact on the stream, and when the assessment was filled
        Map<String, Long> contractFactAt = new ConcurrentHashMap<>();
        Map<String, Instant> openedEventTime = new ConcurrentHashMap<>();
        Map<String, Instant> respondedWall = new ConcurrentHashMap<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(Suite.request(suite.assessment,
                "/api/v1/stream?hospital=" + p.hospital(), token).setHeader("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = stream.get();
                if (response.statusCode() != 200) {
                    progress("The event stream answered %d: no event latency can be measured", response.statusCode());
                    return;
                }
                response.body().forEach(line -> {
                    if (!line.startsWith("data:")) {
                        return;
                    }
                    streamed.incrementAndGet();
                    long now = System.nanoTime();
                    // The generator shares the cores with the suite: only the two types it times are parsed.
                    if (!line.contains("org.sansho.contract.state-changed.v1")
                            && !line.contains("org.sansho.assessment.opened.v1")) {
                        return;
                    }
                    JsonNode event;
                    try {
                        event = Suite.JSON.readTree(line.substring(5));
                    } catch (IOException e) {
                        return;
                    }
                    String type = event.path("type").asText();
                    String contractId = event.path("data").path("contractId").asText();
                    if (type.equals("org.sansho.contract.state-changed.v1")) {
                        contractFactAt.put(contractId, now);
                        return;
                    }
                    if (!type.equals("org.sansho.assessment.opened.v1")) {
                        return;
                    }
                    opened.incrementAndGet();
                    openedEventTime.put(contractId, Instant.parse(event.path("time").asText()));
                    Long responded = respondedAt.get(contractId);
                    CompletableFuture<Long> f = pending.remove(contractId);
                    if (responded != null && f != null) {
                        f.complete(now - responded);
                    } else {
                        seenAt.put(contractId, now);
                    }
                });
            } catch (Exception e) {
                // the stream ends when the run does
            }
        }, "bench-stream");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1000);
        for (int round = -1; round < rates.length; round++) {
            boolean warming = round < 0;
            double rate = rates[Math.max(round, 0)];
            Duration window = warming ? warmUp : eventWindow;
            awaitConsumersCaughtUp("the previous load's facts");
            progress("Event latency at %.0f transitions/s for %ds%s", rate, window.toSeconds(),
                    warming ? " (warm-up)" : "");
            CpuMeter.Snapshot before = cpu.snapshot();
            Load.Result r = Load.open(intended -> {
                UUID id = drafts.poll();
                if (id == null) {
                    return CompletableFuture.completedFuture(-1L);
                }
                String key = id.toString();
                CompletableFuture<Long> visible = new CompletableFuture<>();
                pending.put(key, visible);
                return http.sendAsync(Suite.post(suite.contract, "/api/v1/contracts/" + id + "/transitions", token,
                        Map.of("to", "DISCLOSURE_REQUESTED", "reason", "benchmark")),
                        HttpResponse.BodyHandlers.discarding()).thenCompose(resp -> {
                            if (resp.statusCode() != 200) {
                                pending.remove(key);
                                return CompletableFuture.completedFuture(-1L);
                            }
                            long responded = System.nanoTime();
                            respondedWall.put(key, Instant.now());
                            respondedAt.put(key, responded);
                            Long seen = seenAt.remove(key);
                            if (seen != null && pending.remove(key) != null) {
                                return CompletableFuture.completedFuture(Math.max(0, seen - responded));
                            }
                            return visible;
                        });
                // a call lasts until its assessment is seen; its HTTP part is one short request
            }, rate, window, Integer.MAX_VALUE);
            if (warming) {
                respondedWall.clear();
                continue;
            }
            // until the last assessment was seen: every transition's whole work, its consequences included
            CpuMeter.Usage used = CpuMeter.between(before, cpu.snapshot(), r.count() + r.errors());
            report.add("event latency", String.format("transition → assessment visible, %.0f/s", rate), r,
                    "HTTP response of the transition → assessment.opened on the SSE stream", used);
            progress("  %.0f/s: p50 %.1f  p99 %.1f ms, %d measured, %d errors; the stream so far: %d events, %d "
                    + "assessment.opened", rate, r.percentileMillis(50), r.percentileMillis(99), r.count(), r.errors(),
                    streamed.get(), opened.get());
            progress("    %s", used.summary());
            // The parts, as medians over this rate's transitions: response → the contract's fact on the stream
            // (contract-service relay, broker, stream consumer), and response → the assessment filled (the time
            // its assessment.opened carries: the assessment-service's consumer and items worker).
            List<Double> toFact = new ArrayList<>();
            List<Double> toFilled = new ArrayList<>();
            for (var e : respondedWall.entrySet()) {
                Long sent = respondedAt.get(e.getKey());
                Long fact = contractFactAt.get(e.getKey());
                if (sent != null && fact != null) {
                    toFact.add((fact - sent) / 1e6);
                }
                Instant filled = openedEventTime.get(e.getKey());
                if (filled != null) {
                    toFilled.add(Duration.between(e.getValue(), filled).toNanos() / 1e6);
                }
            }
            String parts = String.format("median: response → contract fact on the stream %.1f ms, → assessment "
                    + "filled %.1f ms", median(toFact), median(toFilled));
            progress("  %s", parts);
            report.facts.put(String.format("event latency parts at %.0f/s", rate), parts);
            respondedWall.clear();
        }
        stream.cancel(true);
    }

    /**
     * Waits until the assessment-service has consumed every contract fact sent so far (its inbox count stays the
     * same for two seconds), so that a rate is measured on a quiet suite and not behind the previous stage's
     * backlog; reports how fast the backlog was consumed.
     */
    private void awaitConsumersCaughtUp(String what) throws Exception {
        long t0 = System.nanoTime();
        double first = consumedContractFacts();
        double last = first;
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2)
                && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(250);
            double now = consumedContractFacts();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        double seconds = (stableSince - t0) / 1e9;
        if (last > first) {
            progress("  the assessment-service consumed %.0f more contract facts (%s) in %.1f s: %.0f/s", last - first,
                    what, seconds, (last - first) / Math.max(seconds, 0.001));
        }
    }

    /**
     * Waits until the suite owes no work from the stages before (unsent outbox rows, unsealed audit records,
     * unconsumed records), so that the next loads are measured alone.
     */
    private void awaitQuiet(String after) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Long> left = new Backlog(postgres, kafka.bootstrapServers()).awaitNone(180);
        if (left.isEmpty()) {
            progress("Quiet after %s (%.1f s)", after, (System.nanoTime() - t0) / 1e9);
        } else {
            progress("Still not quiet after %s, 180 s on: %s", after, left);
        }
    }

    private double consumedContractFacts() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(base(ASSESSMENT_PORT)
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("sansho_inbox_events_total{") && line.contains("consumer=\"assessment-service.contract-events\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- growth

    /** Contracts are cloned in bulk SQL into the contract-service's own database (document: README). */
    private void growth() throws Exception {
        Suite.Parties p = suite.parties("成長");
        String token = suite.token("procurement", p.hospital());
        JsonNode template = suite.send(Suite.post(suite.contract, "/api/v1/contracts", token,
                Suite.newContract(p, 0)), 201);
        UUID templateId = UUID.fromString(template.path("id").asText());
        Load.Call page = load.expect(200, n -> Suite.request(suite.contract,
                "/api/v1/contracts?size=20&page=" + (n % 5), token).build());
        int have = 1;
        for (int target : new int[]{1_000, 10_000, 100_000}) {
            progress("Growth: %,d contracts of one hospital (bulk SQL), then the first page of its list", target);
            cloneContracts(templateId, target - have);
            have = target;
            closed("growth", String.format("contract list page, %,d contracts", target), page,
                    "pages 0-4 of 20, newest first");
        }
    }

    private void cloneContracts(UUID templateId, int count) throws Exception {
        try (Connection c = postgres.connect("contract")) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, "public", "contract", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            List<String> values = columns.stream().map(col -> switch (col) {
                case "id" -> "gen_random_uuid()";
                case "created_at", "updated_at" -> "c.created_at - make_interval(secs => n)";
                default -> "c." + col;
            }).toList();
            try (PreparedStatement s = c.prepareStatement("insert into contract (" + String.join(", ", columns)
                    + ") select " + String.join(", ", values) + " from contract c, generate_series(1, ?) n"
                    + " where c.id = ?")) {
                s.setInt(1, count);
                s.setObject(2, templateId);
                s.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                // what autovacuum does to a table soon after a bulk insert (PostgreSQL 13+ vacuums after inserts
                // too): statistics, and the visibility map that lets a count read the index alone
                s.execute("vacuum analyze contract");
                // and the bulk insert's pages are written out now, not by the checkpointer while the pages are read
                s.execute("checkpoint");
            }
        }
    }

    // ---------------------------------------------------------------- memory and targets

    private void memory() throws IOException {
        for (var e : processes.entrySet()) {
            report.rssMegabytes.put(e.getKey(), rssMegabytes(e.getValue().pid()));
        }
        progress("RSS after warm-up: %s", report.rssMegabytes);
    }

    static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private void judge() {
        Targets t = report.targets;
        double write = rps("write ceiling: POST /rows");
        t.atLeastShare("contract GET by id", rps("contract GET by id"), readCeilingFor("contract GET by id"),
                0.7, "read ceiling req/s, in turns");
        t.atLeastShare("applicability (5,000 requirements)", rps("applicability (5000 requirements)"),
                readCeilingFor("applicability (5000 requirements)"), 0.5, "read ceiling req/s, in turns");
        t.atMost("applicability (5,000 requirements) p99 at half the read ceiling's rate", p99(APPLICABILITY_AT_RATE),
                20, "ms");
        t.atLeastShare("contract create", rps("contract create: POST /contracts"), write, 0.5, "write ceiling TPS");
        t.atLeastShare("state transition", rps("transition: POST /contracts/{id}/transitions"), write, 0.5,
                "write ceiling TPS");
        double event = p99("transition → assessment visible, 50/s");
        t.atMost("event latency p99 at 50/s", event, 100, "ms");
        t.atMostTimes("event latency p99 at 50/s vs broker", event, p99("broker ceiling: produce → consume, 50/s"), 3,
                "broker ceiling p99");
        for (var e : report.startMillis.entrySet()) {
            if (!e.getKey().equals("ceiling")) {
                t.atMost(e.getKey() + " ready after process start (restart)", e.getValue(), 2000, "ms");
                t.atMost(e.getKey() + " RSS after warm-up", report.rssMegabytes.getOrDefault(e.getKey(), Double.NaN),
                        200, "MB");
            }
        }
        t.atMostTimes("page latency p50, 100k vs 1k contracts", p50("contract list page, 100,000 contracts"),
                p50("contract list page, 1,000 contracts"), 1.5, "1k p50");
        t.atMostTimes("page latency p99, 100k vs 1k contracts", p99("contract list page, 100,000 contracts"),
                p99("contract list page, 1,000 contracts"), 1.5, "1k p99");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The applicability latency at a fixed arrival rate: half the read ceiling's throughput measured in turns with
     * the applicability just before (so the rate scales with the machine as it is). A closed load's percentiles are
     * those of a saturated server, where every request waits behind the others in flight; a latency target is about
     * the load a deployment is sized for, below saturation.
     */
    private void applicabilityAtFixedRate(LongFunction<HttpRequest> request, double ceiling)
            throws InterruptedException {
        double rate = Math.max(50, Math.round(Double.isNaN(ceiling) ? 100 : ceiling / 2));
        String name = String.format("applicability (5000 requirements) at %.0f/s", rate);
        progress("Read: %s (half the read ceiling)", name);
        AtomicLong seq = new AtomicLong();
        CpuMeter.Snapshot before = cpu.snapshot();
        Load.Result r = Load.open(intended -> http.sendAsync(request.apply(seq.incrementAndGet()),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(resp -> resp.statusCode() == 200 ? System.nanoTime() - intended : -1L), rate, measure,
                2 * CONCURRENCY);
        report.add("reads", APPLICABILITY_AT_RATE, r, name + "; Accept-Encoding: gzip",
                CpuMeter.between(before, cpu.snapshot(), r.count() + r.errors()));
        progress("  %-55s %8.0f req/s  p50 %6.2f  p99 %7.2f ms  errors %d", name, r.requestsPerSecond(),
                r.percentileMillis(50), r.percentileMillis(99), r.errors());
    }

    /** The ceiling app's find by id: one row of 1,000, as Panache reads it. */
    private Load.Call readCeiling() {
        String c = base(CEILING_PORT);
        return load.expect(200, n -> Suite.request(c, "/rows/" + (1 + n % 1000), null).build());
    }

    /** The read ceiling a read's ratio is judged against: the one measured in turns with it, else the stage's. */
    private double readCeilingFor(String read) {
        double inTurns = rps(READ_CEILING_IN_TURNS + read);
        return Double.isNaN(inTurns) ? rps(READ_CEILING) : inTurns;
    }

    /**
     * A read whose ratio to the read ceiling is a target, measured in turns with the ceiling: {@link #TURNS} spans
     * of each, alternating (ceiling first in the even rounds, the read first in the odd ones), for {@link #measure}
     * each in all. Both loads so meet the machine at the same moments: on a shared machine whose speed drifts
     * over a minute (other tenants, frequency steps), two loads measured a minute apart compare the drift as much as
     * the loads. Each is recorded with its own CPU per request; the ceiling as "read ceiling, in turns with …".
     */
    private void inTurns(String group, String name, Load.Call call, String note) throws InterruptedException {
        Load.Call ceiling = readCeiling();
        load.warm(ceiling, CONCURRENCY, warmUp);
        load.warm(call, CONCURRENCY, warmUp);
        Duration span = measure.dividedBy(TURNS);
        List<Load.Result> reads = new ArrayList<>();
        List<Load.Result> ceilings = new ArrayList<>();
        CpuMeter.Tally readCpu = new CpuMeter.Tally();
        CpuMeter.Tally ceilingCpu = new CpuMeter.Tally();
        for (int round = 0; round < TURNS; round++) {
            for (boolean ceilingTurn : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                CpuMeter.Snapshot before = cpu.snapshot();
                Load.Result r = load.closed(ceilingTurn ? ceiling : call, CONCURRENCY, Duration.ZERO, span,
                        Long.MAX_VALUE);
                (ceilingTurn ? ceilingCpu : readCpu).add(before, cpu.snapshot(), r.count() + r.errors());
                (ceilingTurn ? ceilings : reads).add(r);
            }
        }
        String model = "closed, " + CONCURRENCY + " in flight, " + TURNS + " spans in turns";
        record(group, READ_CEILING_IN_TURNS + name, Load.combine(model, ceilings), "in turns with " + name,
                ceilingCpu.usage());
        record(group, name, Load.combine(model, reads), note, readCpu.usage());
    }

    private void record(String group, String name, Load.Result r, String note, CpuMeter.Usage used) {
        report.add(group, name, r, note, used);
        progress("  %-55s %8.0f req/s  p50 %6.2f  p99 %7.2f ms  errors %d", name, r.requestsPerSecond(),
                r.percentileMillis(50), r.percentileMillis(99), r.errors());
        progress("    %s", used.summary());
    }

    private void closed(String group, String name, Load.Call call, String note) throws InterruptedException {
        load.warm(call, CONCURRENCY, warmUp);
        CpuMeter.Snapshot before = cpu.snapshot();
        Load.Result r = load.closed(call, CONCURRENCY, Duration.ZERO, measure, Long.MAX_VALUE);
        record(group, name, r, note, CpuMeter.between(before, cpu.snapshot(), r.count() + r.errors()));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private double rps(String name) {
        Load.Result r = report.result(name);
        return r == null ? Double.NaN : r.requestsPerSecond();
    }

    private double p99(String name) {
        Load.Result r = report.result(name);
        return r == null ? Double.NaN : r.percentileMillis(99);
    }

    private double p50(String name) {
        Load.Result r = report.result(name);
        return r == null ? Double.NaN : r.percentileMillis(50);
    }

    private Path jar(String module) {
        Path copy = appDirectory(module).resolve("quarkus-run.jar");
        return Files.exists(copy) ? copy : repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Path appDirectory(String module) {
        return settings.dataDirectory().resolve("apps").resolve(Path.of(module).getFileName());
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    // the jar keeps its time, by which the launcher tells a class archive made from it as current
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String base(int port) {
        return "http://localhost:" + port;
    }

    private static String idOf(String body) {
        try {
            return Suite.JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void machineFacts() throws IOException {
        report.facts.put("date", Instant.now().toString());
        report.facts.put("form", full ? "full" : "short");
        report.facts.put("cores", Runtime.getRuntime().availableProcessors());
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        report.facts.put("cpu", cpu);
        report.facts.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        report.facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + (ChildProcesses.serviceJavaFeature() == Runtime.version().feature() ? ""
                : "; the services on JDK " + ChildProcesses.serviceJavaFeature()));
        report.facts.put("load average at start", Files.readString(Path.of("/proc/loadavg")).trim());
        List<String> jvm = new ArrayList<>(Launcher.SERVICE_JVM_OPTIONS);
        jvm.addAll(Launcher.extraJvmOptions());
        report.facts.put("service JVM options", String.join(" ", jvm)
                + ", MALLOC_ARENA_MAX=" + System.getenv().getOrDefault("MALLOC_ARENA_MAX", ChildProcesses.MALLOC_ARENA_MAX)
                + (ChildProcesses.serviceJavaFeature() >= 25
                        ? "; AOT cache: the first start records it (-XX:AOTCacheOutput), the restart maps it (-XX:AOTCache)"
                        : "; AppCDS: the first start records the archive (-XX:ArchiveClassesAtExit), the restart maps it"));
        report.facts.put("load generator", "JDK " + Runtime.version().feature() + " HttpClient (HTTP/1.1, loopback), "
                + "closed model with " + CONCURRENCY + " in flight, open model for the applicability latency (at most "
                + 2 * CONCURRENCY + " in flight) and the event latency; HdrHistogram; in the runner's own JVM");
        if (Runtime.version().feature() < 21) {
            // JDK 17's HTTP client tops out near 600 req/s on two cores, which is the services' speed or less:
            // every ceiling and every read would then measure the generator.
            report.facts.put("warning", "the load generator runs on JDK " + Runtime.version().feature()
                    + ", whose HTTP client is slower than the services; run the benchmark on JDK 21+ "
                    + "(./sansho bench picks the newest JDK installed)");
        }
        report.facts.put("per load", "warm-up " + warmUp.toSeconds() + " s, measurement " + measure.toSeconds() + " s");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
