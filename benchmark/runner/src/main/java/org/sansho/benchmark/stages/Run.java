package org.sansho.benchmark.stages;

import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Form;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.processes.Processes;
import org.sansho.benchmark.results.Progress;
import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.suite.Backlog;
import org.sansho.benchmark.suite.Suite;
import org.sansho.benchmark.targets.SuiteTargets;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every stage works with: the running suite and its processes, the load generator, the CPU meter, the report,
 * the form (how long each load runs) and the ways a load is measured and recorded.
 */
public final class Run {

    /** How many spans of each load a measurement in turns has ({@link #inTurns}). */
    private static final int TURNS = 6;

    private final Form form;
    private final Set<String> chosen;
    private final Report report;
    private final Progress progress;
    private final Processes processes;
    private final HttpClient http;
    private final Load load;
    private final CpuMeter cpu;
    private final Suite suite;

    /** {@code processes}: started; {@code chosen}: the stages chosen with {@code --stages}. */
    public Run(Form form, Set<String> chosen, Report report, Progress progress, Processes processes,
               HttpClient http, CpuMeter cpu) throws Exception {
        this.form = form;
        this.chosen = Set.copyOf(chosen);
        this.report = report;
        this.progress = progress;
        this.processes = processes;
        this.http = http;
        this.load = new Load(http);
        this.cpu = cpu;
        this.suite = new Suite(Processes.base(Processes.CATALOG_PORT), Processes.base(Processes.CONTRACT_PORT),
                Processes.base(Processes.ASSESSMENT_PORT), http, processes.keys());
    }

    public Form form() {
        return form;
    }

    public Set<String> chosen() {
        return chosen;
    }

    /** Whether the stage named {@code stage} was chosen with {@code --stages} (all are by default). */
    public boolean chosen(String stage) {
        return chosen.contains(stage);
    }

    public Report report() {
        return report;
    }

    public Processes processes() {
        return processes;
    }

    public Suite suite() {
        return suite;
    }

    public HttpClient http() {
        return http;
    }

    public Load load() {
        return load;
    }

    public CpuMeter cpu() {
        return cpu;
    }

    public void progress(String format, Object... args) {
        progress.say(format, args);
    }

    /**
     * Waits until the suite owes no work from the stages before (unsent outbox rows, unsealed audit records,
     * unconsumed records), so that the next loads are measured alone.
     */
    public void awaitQuiet(String after) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Long> left = new Backlog(processes.postgres(), processes.kafka().bootstrapServers()).awaitNone(180);
        if (left.isEmpty()) {
            progress("Quiet after %s (%.1f s)", after, (System.nanoTime() - t0) / 1e9);
        } else {
            progress("Still not quiet after %s, 180 s on: %s", after, left);
        }
    }

    /** The ceiling app's find by id: one row of 1,000, as Panache reads it. */
    public Load.Call readCeiling() {
        String c = Processes.base(Processes.CEILING_PORT);
        return load.expect(200, n -> Suite.request(c, "/rows/" + (1 + n % 1000), null).build());
    }

    /** A closed load: warm-up, then the form's measurement time with {@link Form#CONCURRENCY} in flight. */
    public void closed(String group, String name, Load.Call call, String note) throws InterruptedException {
        load.warm(call, Form.CONCURRENCY, form.warmUp());
        CpuMeter.Snapshot before = cpu.snapshot();
        Load.Result r = load.closed(call, Form.CONCURRENCY, Duration.ZERO, form.measure(), Long.MAX_VALUE);
        record(group, name, r, note, CpuMeter.between(before, cpu.snapshot(), r.count() + r.errors()));
    }

    /**
     * A read whose ratio to the read ceiling is a target, measured in turns with the ceiling: {@link #TURNS} spans
     * of each, alternating (ceiling first in the even rounds, the read first in the odd ones), for the form's
     * measurement time each in all. Both loads so meet the machine at the same moments: on a shared machine whose
     * speed drifts over a minute (other tenants, frequency steps), two loads measured a minute apart compare the
     * drift as much as the loads. Each is recorded with its own CPU per request; the ceiling as
     * {@link SuiteTargets#READ_CEILING_IN_TURNS} and the read's name.
     */
    public void inTurns(String group, String name, Load.Call call, String note) throws InterruptedException {
        Load.Call ceiling = readCeiling();
        load.warm(ceiling, Form.CONCURRENCY, form.warmUp());
        load.warm(call, Form.CONCURRENCY, form.warmUp());
        Duration span = form.measure().dividedBy(TURNS);
        List<Load.Result> reads = new ArrayList<>();
        List<Load.Result> ceilings = new ArrayList<>();
        CpuMeter.Tally readCpu = new CpuMeter.Tally();
        CpuMeter.Tally ceilingCpu = new CpuMeter.Tally();
        for (int round = 0; round < TURNS; round++) {
            for (boolean ceilingTurn : round % 2 == 0 ? new boolean[]{true, false} : new boolean[]{false, true}) {
                CpuMeter.Snapshot before = cpu.snapshot();
                Load.Result r = load.closed(ceilingTurn ? ceiling : call, Form.CONCURRENCY, Duration.ZERO, span,
                        Long.MAX_VALUE);
                (ceilingTurn ? ceilingCpu : readCpu).add(before, cpu.snapshot(), r.count() + r.errors());
                (ceilingTurn ? ceilings : reads).add(r);
            }
        }
        String model = "closed, " + Form.CONCURRENCY + " in flight, " + TURNS + " spans in turns";
        record(group, SuiteTargets.READ_CEILING_IN_TURNS + name, Load.combine(model, ceilings),
                "in turns with " + name, ceilingCpu.usage());
        record(group, name, Load.combine(model, reads), note, readCpu.usage());
    }

    /** Records a measured load in the report and says it on the console, with where its CPU time went. */
    public void record(String group, String name, Load.Result r, String note, CpuMeter.Usage used) {
        report.add(group, name, r, note, used);
        progress("  %-55s %8.0f req/s  p50 %6.2f  p99 %7.2f ms  errors %d", name, r.requestsPerSecond(),
                r.percentileMillis(50), r.percentileMillis(99), r.errors());
        progress("    %s", Report.cpuSummary(used));
    }
}
