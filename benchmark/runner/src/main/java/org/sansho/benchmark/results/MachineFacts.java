package org.sansho.benchmark.results;

import org.sansho.benchmark.load.Form;
import org.sansho.launcher.ChildProcesses;
import org.sansho.launcher.Launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a result is to be read against: the machine, its load when the run began, the JVMs and the form. */
public final class MachineFacts {

    private MachineFacts() {
    }

    public static void record(Report report, Form form) throws IOException {
        report.fact("date", Instant.now().toString());
        report.fact("form", form.name());
        report.fact("cores", Runtime.getRuntime().availableProcessors());
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        report.fact("cpu", cpu);
        report.fact("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        report.fact("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + (ChildProcesses.serviceJavaFeature() == Runtime.version().feature() ? ""
                : "; the services on JDK " + ChildProcesses.serviceJavaFeature()));
        report.fact("load average at start", Files.readString(Path.of("/proc/loadavg")).trim());
        List<String> jvm = new ArrayList<>(Launcher.SERVICE_JVM_OPTIONS);
        jvm.addAll(Launcher.extraJvmOptions());
        report.fact("service JVM options", String.join(" ", jvm)
                + ", MALLOC_ARENA_MAX=" + System.getenv().getOrDefault("MALLOC_ARENA_MAX", ChildProcesses.MALLOC_ARENA_MAX)
                + (ChildProcesses.serviceJavaFeature() >= 25
                        ? "; AOT cache: the first start records it (-XX:AOTCacheOutput), the restart maps it (-XX:AOTCache)"
                        : "; AppCDS: the first start records the archive (-XX:ArchiveClassesAtExit), the restart maps it"));
        report.fact("load generator", "JDK " + Runtime.version().feature() + " HttpClient (HTTP/1.1, loopback), "
                + "closed model with " + Form.CONCURRENCY + " in flight, open model for the applicability latency (at "
                + "most " + 2 * Form.CONCURRENCY + " in flight) and the event latency; HdrHistogram; in the runner's own JVM");
        if (Runtime.version().feature() < 21) {
            // JDK 17's HTTP client tops out near 600 req/s on two cores, which is the services' speed or less:
            // every ceiling and every read would then measure the generator.
            report.fact("warning", "the load generator runs on JDK " + Runtime.version().feature()
                    + ", whose HTTP client is slower than the services; run the benchmark on JDK 21+ "
                    + "(./sansho bench picks the newest JDK installed)");
        }
        report.fact("per load", "warm-up " + form.warmUp().toSeconds() + " s, measurement " + form.measure().toSeconds()
                + " s");
    }
}
