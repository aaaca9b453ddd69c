package org.sansho.benchmark.processes;

import org.sansho.benchmark.results.Progress;
import org.sansho.benchmark.results.StartupSteps;
import org.sansho.benchmark.suite.Suite;
import org.sansho.launcher.ChildProcesses;
import org.sansho.launcher.DevelopmentKeys;
import org.sansho.launcher.Launcher;
import org.sansho.launcher.LocalKafka;
import org.sansho.launcher.LocalPostgres;
import org.sansho.launcher.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The processes of a run, started with the launcher's own pieces on ports of their own and a fresh data folder
 * ({@code benchmark/target/bench-data}): PostgreSQL, the Kafka broker, the three packaged services and the ceiling
 * app. Nothing is shared with a running {@code ./sansho}, and {@link #stopAll} stops everything it started.
 */
public final class Processes {

    public static final int CEILING_PORT = 28080;
    public static final int CATALOG_PORT = 28081;
    public static final int CONTRACT_PORT = 28082;
    public static final int ASSESSMENT_PORT = 28083;

    private final boolean jfr;
    private final Progress progress;
    private final Settings settings;
    private final PackagedApps apps;
    private final ClassArchives archives;
    private final List<App> started = new ArrayList<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    /** Per app, what its last start waited for (see {@link Readiness}). */
    private final Map<String, String> readiness = new ConcurrentHashMap<>();
    /** The apps whose current start records a class archive (written when it stops). */
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ChildProcesses children;
    /** PostgreSQL's start, run beside the broker's; stopping the run waits for it, whether or not it was used. */
    private CompletableFuture<LocalPostgres> database;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private DevelopmentKeys keys;

    /** {@code jfr}: also a profiling recording of every start, dumped when the process ends. */
    public Processes(Path repository, boolean jfr, Progress progress) {
        this.jfr = jfr;
        this.progress = progress;
        this.settings = new Settings(repository, repository.resolve("benchmark/target/bench-data"), 25432, 29092,
                29093, null, "postgres", "postgres", null, Suite.ISSUER);
        this.apps = new PackagedApps(repository, settings.dataDirectory());
        this.archives = new ClassArchives(repository);
    }

    public static String base(int port) {
        return "http://localhost:" + port;
    }

    /**
     * Checks that every app is packaged, ends what a killed run left behind, makes the data folder anew and copies
     * the packaged apps into it.
     */
    public void prepare() throws Exception {
        apps.requirePackaged();
        Path lib = Path.of(Processes.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                .resolve("lib");
        children = new ChildProcesses(settings.dataDirectory(), lib);
        // a run that was killed before it could stop its processes leaves them behind: they would hold the ports
        children.endLeftovers();
        Folders.delete(settings.dataDirectory());
        Files.createDirectories(settings.logs());
        apps.copyAll();
    }

    /** Starts PostgreSQL (initdb, start) in the background, so that the broker can start meanwhile. */
    public void startDatabase() {
        progress.say("Starting PostgreSQL and Kafka");
        database = CompletableFuture.supplyAsync(() -> {
            try {
                return LocalPostgres.start(settings);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Starts the broker, waits for PostgreSQL, then starts the three services and the ceiling all at once, as
     * {@code ./sansho} starts them. That first start (empty database, migrations, perhaps recording a class archive)
     * is not a target; the restarts at the end, one at a time, are ({@link #restartAlone}).
     *
     * @return each app's first start, from process start to health UP, in ms
     */
    public Map<String, Double> start() throws Exception {
        kafka = LocalKafka.start(settings, children);
        postgres = database.join();
        keys = DevelopmentKeys.load(settings.dataDirectory());
        String catalogUrl = base(CATALOG_PORT);
        started.addAll(List.of(new App("catalog-service", "catalog-service", CATALOG_PORT, "catalog"),
                new App("contract-service", "contract-service", CONTRACT_PORT, "contract"),
                new App("assessment-service", "assessment-service", ASSESSMENT_PORT, "assessment"),
                new App("ceiling", "benchmark/ceiling", CEILING_PORT, "ceiling")));
        for (App s : started) {
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
        Map<String, Double> ready = startTogether("first");
        for (App s : started) {
            progress.say("%s ready in %.0f ms (first start, the four together: empty database, migrations%s%s)",
                    s.name(), ready.get(s.name()), s.name().equals("catalog-service") ? ", catalog content seeded" : "",
                    recording.contains(s.name()) ? ", recording its class archive" : "");
        }
        return ready;
    }

    /**
     * On JDK 25 a first start that found no current AOT cache runs in the cache's recording mode (the cache is
     * written when it stops), which is the first start of a deployment, not its steady state: each such app is
     * restarted once on its cache before any load, so that every load is measured on processes started the way
     * production starts them. The restarts at the end then measure a start on that cache. The caches outlive the
     * run ({@link ClassArchives}): a later run of the same build starts on them at once and skips this.
     */
    public void startOnAotCaches() throws Exception {
        if (recording.isEmpty() || ChildProcesses.serviceJavaFeature() < 25) {
            return;
        }
        // Each writes its cache in a JVM of its own, and nothing is measured meanwhile.
        progress.say("Stopping the first starts: each service writes its AOT cache (once per build)");
        stopTogether();
        recording.clear();
        Map<String, Double> ready = startTogether("cached");
        ready.forEach((name, ms) -> progress.say("%s started on its AOT cache: ready in %.0f ms", name, ms));
    }

    /**
     * Starts every app at once and waits until each is ready, each on a thread of its own so that each time is its
     * own: from its process start to its health UP, in ms.
     */
    private Map<String, Double> startTogether(String start) throws Exception {
        Map<String, CompletableFuture<Double>> ready = new LinkedHashMap<>();
        for (App s : started) {
            List<String> options = jvmOptions(s, start);
            long t0 = System.nanoTime();
            Process p = children.jar(s.name(), apps.jar(s.module()), options, environments.get(s.name()), log(s));
            processes.put(s.name(), p);
            ready.put(s.name(), CompletableFuture.supplyAsync(() -> {
                try {
                    readiness.put(s.name(), Readiness.await(s, p, settings.logs()));
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

    /** Starts a stopped app alone, as the restart the target judges, and returns its time to health UP, in ms. */
    public double restartAlone(App s) throws Exception {
        long t0 = System.nanoTime();
        Process p = children.jar(s.name(), apps.jar(s.module()), jvmOptions(s, "restart"), environments.get(s.name()),
                log(s));
        readiness.put(s.name(), Readiness.await(s, p, settings.logs()));
        processes.put(s.name(), p);
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Stops every service and the ceiling at once and waits until each has ended: a service's stop closes its
     * Kafka clients and, after a start that records a class archive, writes it, none of which needs the others.
     */
    public void stopTogether() throws InterruptedException {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            if (!p.waitFor(ChildProcesses.STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Stops the apps, the broker and PostgreSQL; once only, whether the run ends or is interrupted. */
    public void stopAll() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        progress.say("Stopping the services, Kafka and PostgreSQL");
        try {
            stopTogether();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // what is left: the broker
            children.close();
        } catch (Exception e) {
            progress.say("Stopping the services and Kafka failed: %s", e);
        }
        try {
            database.join().close();
        } catch (Exception e) {
            progress.say("Stopping PostgreSQL failed: %s", e);
        }
    }

    /** The launcher's options; with --jfr also a profiling recording per start, dumped when the process ends. */
    private List<String> jvmOptions(App app, String start) throws IOException {
        List<String> options = new ArrayList<>(Launcher.serviceJvmOptions(app.name(), apps.jar(app.module()),
                archives.directory()));
        if (jfr) {
            // The JVM turns JFR off while it records a class archive: a profiled run records none.
            options.removeIf(ClassArchives::records);
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + settings.logs().resolve(app.name() + "-" + start + ".jfr"));
        }
        if (options.stream().anyMatch(ClassArchives::records)) {
            recording.add(app.name());
        }
        if (start.equals("restart")) {
            // The restart that the target judges also says where its time went: a few lines, nothing run for them.
            options.add(StartupSteps.OPTION);
        }
        return options;
    }

    /** The apps started, in start order: the three services, then the ceiling. */
    public List<App> apps() {
        return List.copyOf(started);
    }

    /** The running processes by app name (a restart replaces an app's process). */
    public Map<String, Process> running() {
        return Collections.unmodifiableMap(processes);
    }

    /** The running processes' handles by app name, for the CPU meter. */
    public Map<String, ProcessHandle> handles() {
        Map<String, ProcessHandle> handles = new LinkedHashMap<>();
        processes.forEach((name, p) -> handles.put(name, p.toHandle()));
        return handles;
    }

    /** What the app's last start waited for: when it first answered HTTP, which checks were DOWN after that. */
    public String readiness(String app) {
        return readiness.get(app);
    }

    public Path log(App app) {
        return settings.logs().resolve(app.name() + ".log");
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public DevelopmentKeys keys() {
        return keys;
    }
}
