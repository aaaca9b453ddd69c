package org.sansho.benchmark;

import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Form;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.processes.Processes;
import org.sansho.benchmark.results.MachineFacts;
import org.sansho.benchmark.results.Progress;
import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.stages.Ceilings;
import org.sansho.benchmark.stages.Data;
import org.sansho.benchmark.stages.EventCapacity;
import org.sansho.benchmark.stages.EventLatency;
import org.sansho.benchmark.stages.BulkImport;
import org.sansho.benchmark.stages.Growth;
import org.sansho.benchmark.stages.Reads;
import org.sansho.benchmark.stages.ResidentMemory;
import org.sansho.benchmark.stages.Restarts;
import org.sansho.benchmark.stages.Run;
import org.sansho.benchmark.stages.Stages;
import org.sansho.benchmark.stages.VendorResponses;
import org.sansho.benchmark.stages.Writes;
import org.sansho.launcher.Launcher;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark: one run on the packaged services (JVM mode) against real PostgreSQL and Kafka, started with the
 * launcher's own pieces on ports of their own, with the ceilings measured in the same run.
 *
 * <pre>
 *   java -jar benchmark/runner/target/sansho-benchmark.jar [--full] [--jfr] [--stages a,b] [--out DIR]
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    /** The stages of a run, in the order they run; a new stage is one more entry here. */
    static Stages stages() {
        Data data = new Data();
        Writes writes = new Writes(data);
        return new Stages(List.of(new Ceilings(), data, writes, new Reads(data, writes),
                new VendorResponses(data, writes), new EventLatency(data), new EventCapacity(data), new BulkImport(),
                new Growth(), new ResidentMemory(), new Restarts()));
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        Path repository = Launcher.repositoryRoot();
        Path out = repository.resolve("benchmark/target/results");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]).toAbsolutePath();
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Progress progress = new Progress();
        Stages stages = stages();
        // all of them unless narrowed with --stages a,b (for profiling one of them)
        Set<String> chosen = new LinkedHashSet<>(stages.choosable());
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--stages")) {
                chosen = new LinkedHashSet<>(List.of(args[i + 1].split(",")));
                if (!stages.choosable().containsAll(chosen)) {
                    throw new IllegalArgumentException("--stages takes some of " + stages.choosable());
                }
            }
        }
        run(Form.of(arguments.contains("--full")), arguments.contains("--jfr"), stages, chosen, repository, out,
                progress);
    }

    private static void run(Form form, boolean jfr, Stages stages, Set<String> chosen, Path repository, Path out,
                            Progress progress) throws Exception {
        progress.say("%s form: warm-up %ds, measurement %ds per load; results in %s", form.name(),
                form.warmUp().toSeconds(), form.measure().toSeconds(), out);
        Report report = new Report();
        Processes processes = new Processes(repository, jfr, progress);
        processes.prepare();
        MachineFacts.record(report, form);
        processes.startDatabase();
        // Interrupted (Ctrl-C, TERM), the run still stops what it started; ending normally, it stops them itself.
        Thread stopOnSignal = new Thread(processes::stopAll, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            processes.start().forEach(report::firstStart);
            processes.startOnAotCaches();
            Run run = new Run(form, chosen, report, progress, processes, Load.newClient(),
                    new CpuMeter(processes::handles));
            stages.run(run);
            stages.judge(report, chosen);
        } finally {
            processes.stopAll();
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
        }
        report.write(out);
        progress.say("Wrote %s, %s and %s", out.resolve("result.json"), out.resolve("result.md"),
                out.resolve("latency.html"));
        System.out.println();
        System.out.println(report.markdown());
    }
}
