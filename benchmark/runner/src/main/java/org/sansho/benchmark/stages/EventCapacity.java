package org.sansho.benchmark.stages;

import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.suite.Suite;
import org.sansho.benchmark.targets.Targets;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Event path capacity: transitions at stepped open-model rates, each held for the form's measurement time, until a
 * step the path does not sustain. For each step: the transitions a second accepted; the events a second each stage
 * of the path handled meanwhile (contract-service accepting transitions, its relay, the assessment-service's
 * consumer, assessments opened with their items, its relay, the SSE stream); the assessment-service consumer's lag
 * over time and whether it was back to zero within {@link CapacityStep#DRAIN_LIMIT_MILLIS} ms of the step's end.
 * The sustained transitions a second is a row of the targets table (≥ {@link #TARGET}).
 *
 * <p>The lag is counted from the databases, exactly and without the Kafka consumer's commit interval in it: contract
 * facts (state-changed) the contract-service's relay has sent, less those the assessment-service's inbox has
 * recorded; the relay's own backlog (committed, not yet sent) is sampled beside it.
 */
public final class EventCapacity implements Stage {

    static final double[] RATES = {50, 100, 150, 200, 300};
    /** Sustained transitions a second the whole path must reach (issue 30). */
    static final double TARGET = 200;
    static final String TARGET_NAME = "event path: sustained transitions/s";

    private static final String STATE_CHANGED = "org.sansho.contract.state-changed.v1";
    private static final String OPENED = "org.sansho.assessment.opened.v1";
    private static final String CONSUMER = "assessment-service.contract-events";
    /** How long the lag is followed after a step that did not drain in time, before the next decision. */
    private static final Duration FOLLOW_AFTER = Duration.ofSeconds(30);

    private final Data data;
    private final List<CapacityStep> steps = new ArrayList<>();

    public EventCapacity(Data data) {
        this.data = data;
    }

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public void run(Run run) throws Exception {
        run.awaitQuiet("the earlier stages");
        Suite suite = run.suite();
        Suite.Parties p = data.parties();
        Duration step = run.form().measure();
        String token = suite.token("procurement", p.hospital());
        int needed = 0;
        for (double r : RATES) {
            needed += (int) (r * step.toSeconds()) + 1;
        }
        ConcurrentLinkedQueue<UUID> drafts = data.drafts(run, "Event path capacity", needed, Duration.ofMinutes(5));
        run.awaitQuiet("the new DRAFT contracts");
        AtomicLong sseOpened = new AtomicLong();
        CompletableFuture<HttpResponse<Stream<String>>> stream = run.http().sendAsync(Suite.request(suite.assessment,
                "/api/v1/stream?hospital=" + p.hospital(), token).setHeader("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.get().body().forEach(line -> {
                    if (line.startsWith("data:") && line.contains(OPENED)) {
                        sseOpened.incrementAndGet();
                    }
                });
            } catch (Exception e) {
                // the stream ends when the stage does
            }
        }, "bench-capacity-stream");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(1000);
        try (Connection contractDb = run.processes().postgres().connect("contract");
             Connection assessmentDb = run.processes().postgres().connect("assessment")) {
            Counters counters = new Counters(contractDb, assessmentDb, sseOpened);
            for (double rate : RATES) {
                run.awaitQuiet("the previous step");
                CapacityStep result = step(run, counters, drafts, token, rate, step);
                steps.add(result);
                report(run, result);
                if (!result.sustained()) {
                    break;
                }
            }
        } finally {
            stream.cancel(true);
        }
        run.report().fact("event path: sustained transitions/s", String.format("%.0f", CapacityStep.sustainedRate(
                steps)));
    }

    private CapacityStep step(Run run, Counters counters, ConcurrentLinkedQueue<UUID> drafts, String token,
                              double rate, Duration duration) throws Exception {
        Suite suite = run.suite();
        run.progress("Event path capacity: %.0f transitions/s for %ds", rate, duration.toSeconds());
        Map<String, Long> at0 = counters.stages();
        long[] base = counters.lagBase();
        AtomicLong accepted = new AtomicLong();
        List<Long> lag = new ArrayList<>();
        List<Long> relay = new ArrayList<>();
        Sampler sampler = new Sampler(counters, base, lag, relay);
        Thread sampling = new Thread(sampler, "bench-capacity-lag");
        sampling.setDaemon(true);
        sampling.start();
        CpuMeter.Snapshot cpuBefore = run.cpu().snapshot();
        long t0 = System.nanoTime();
        Load.Result r = Load.open(intended -> {
            UUID id = drafts.poll();
            if (id == null) {
                return CompletableFuture.completedFuture(-1L);
            }
            return run.http().sendAsync(Suite.post(suite.contract, "/api/v1/contracts/" + id + "/transitions",
                            token, Map.of("to", "DISCLOSURE_REQUESTED", "reason", "benchmark")),
                    HttpResponse.BodyHandlers.discarding()).thenApply(resp -> {
                        if (resp.statusCode() != 200) {
                            return -1L;
                        }
                        accepted.incrementAndGet();
                        return System.nanoTime() - intended;
                    });
        }, rate, duration, 256);
        long t1 = System.nanoTime();
        Map<String, Long> at1 = counters.stages();
        CpuMeter.Usage used = CpuMeter.between(cpuBefore, run.cpu().snapshot(), r.count() + r.errors());
        run.report().add("event path capacity", String.format("transition accepted, %.0f/s", rate), r,
                "HTTP latency of the transition while the path runs at this rate", used);
        // after the step: until the lag and the relay's backlog are both zero
        long drainStart = System.nanoTime();
        long drainMillis = -1;
        long deadline = drainStart + Math.max(FOLLOW_AFTER.toNanos(), TimeUnit.MILLISECONDS.toNanos(
                CapacityStep.DRAIN_LIMIT_MILLIS));
        while (System.nanoTime() < deadline) {
            if (sampler.lastLag() == 0 && sampler.lastRelay() == 0 && sampler.samplesSince(drainStart) > 0) {
                drainMillis = TimeUnit.NANOSECONDS.toMillis(sampler.lastSampleAt() - drainStart);
                break;
            }
            Thread.sleep(50);
        }
        sampler.stop();
        sampling.join();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("transitions accepted (contract-service)", accepted.get());
        at1.forEach((stage, n) -> counts.put(stage, n - at0.get(stage)));
        return new CapacityStep(rate, (t1 - t0) / 1e9, accepted.get(), counts, sampler.lag(), sampler.relay(),
                drainMillis);
    }

    private static void report(Run run, CapacityStep s) {
        StringBuilder rates = new StringBuilder();
        s.stageRates().forEach((stage, perSecond) -> rates.append(rates.isEmpty() ? "" : ", ")
                .append(String.format("%s %.0f", stage, perSecond)));
        String verdict = s.sustained() ? "sustained"
                : s.drainMillis() < 0 ? "not sustained: the lag was not back to zero after the step"
                : !s.drained() ? String.format("not sustained: the lag took %d ms to return to zero", s.drainMillis())
                : "not sustained: the contract-service accepted fewer transitions than asked";
        String line = String.format("%.0f accepted/s over %.1f s; events/s per stage: %s; consumer lag max %d, "
                        + "relay backlog max %d; back to zero %s after the step; %s", s.acceptedPerSecond(), s.seconds(),
                rates, s.maxLag(), s.maxRelayBacklog(), s.drainMillis() < 0 ? "not" : s.drainMillis() + " ms",
                verdict);
        run.progress("  %s", line);
        run.progress("  consumer lag every second: %s", s.lagSeries());
        run.report().fact(String.format("event path capacity at %.0f/s", s.rate()), line);
        run.report().fact(String.format("event path capacity at %.0f/s, consumer lag every second", s.rate()),
                s.lagSeries());
        run.report().fact(String.format("event path capacity at %.0f/s, relay backlog every second", s.rate()),
                s.relaySeries());
    }

    /** The sustained transitions a second, as a row of the targets table; not met when the stage measured nothing. */
    @Override
    public void judge(Report report, Targets targets) {
        targets.atLeast(TARGET_NAME, steps.isEmpty() ? Double.NaN : CapacityStep.sustainedRate(steps), TARGET,
                "transitions/s");
    }

    List<CapacityStep> steps() {
        return steps;
    }

    /** What the path's stages have handled so far, read from the two services' databases and the stream. */
    private static final class Counters {

        private final PreparedStatement contractFacts;
        private final PreparedStatement consumed;
        private final PreparedStatement opened;
        private final PreparedStatement openedRelayed;
        private final AtomicLong sseOpened;

        Counters(Connection contractDb, Connection assessmentDb, AtomicLong sseOpened) throws Exception {
            this.sseOpened = sseOpened;
            contractFacts = contractDb.prepareStatement("select count(*), count(*) filter (where sent_at is null) "
                    + "from outbox_event where type = '" + STATE_CHANGED + "'");
            consumed = assessmentDb.prepareStatement("select count(*) from inbox_event where consumer = '" + CONSUMER
                    + "' and event_type = '" + STATE_CHANGED + "'");
            opened = assessmentDb.prepareStatement("select count(*) from assessment where status <> 'PENDING_ITEMS'");
            openedRelayed = assessmentDb.prepareStatement("select count(*) from outbox_event where type = '" + OPENED
                    + "' and sent_at is not null");
        }

        /** Per stage of the path after the contract-service, in path order. */
        synchronized Map<String, Long> stages() throws Exception {
            long[] facts = two(contractFacts);
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("facts relayed (contract-service relay)", facts[0] - facts[1]);
            m.put("facts consumed (assessment-service inbox)", one(consumed));
            m.put("assessments opened with items", one(opened));
            m.put("assessment.opened relayed (assessment-service relay)", one(openedRelayed));
            m.put("assessment.opened on the SSE stream", sseOpened.get());
            return m;
        }

        /** {committed, unsent, consumed} now. */
        synchronized long[] lagBase() throws Exception {
            long[] facts = two(contractFacts);
            return new long[]{facts[0], facts[1], one(consumed)};
        }

        private static long one(PreparedStatement s) throws Exception {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }

        private static long[] two(PreparedStatement s) throws Exception {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[]{r.getLong(1), r.getLong(2)};
            }
        }
    }

    /**
     * Samples, every {@link CapacityStep#SAMPLE_MILLIS} ms, the consumer lag (facts relayed since the step began,
     * less facts consumed since) and the relay's backlog (facts committed, not yet sent).
     */
    private static final class Sampler implements Runnable {

        private final Counters counters;
        private final long[] base;
        private final List<Long> lag;
        private final List<Long> relay;
        private volatile boolean running = true;
        private volatile long lastLag = -1;
        private volatile long lastRelay = -1;
        private volatile long lastSampleAt;

        Sampler(Counters counters, long[] base, List<Long> lag, List<Long> relay) {
            this.counters = counters;
            this.base = base;
            this.lag = lag;
            this.relay = relay;
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            while (running) {
                try {
                    long[] now = counters.lagBase();
                    long sentSince = (now[0] - now[1]) - (base[0] - base[1]);
                    long consumedSince = now[2] - base[2];
                    long l = Math.max(0, sentSince - consumedSince);
                    synchronized (this) {
                        lag.add(l);
                        relay.add(now[1]);
                    }
                    lastLag = l;
                    lastRelay = now[1];
                    lastSampleAt = System.nanoTime();
                    next += TimeUnit.MILLISECONDS.toNanos(CapacityStep.SAMPLE_MILLIS);
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    running = false;
                }
            }
        }

        void stop() {
            running = false;
        }

        long lastLag() {
            return lastLag;
        }

        long lastRelay() {
            return lastRelay;
        }

        long lastSampleAt() {
            return lastSampleAt;
        }

        long samplesSince(long nanos) {
            return lastSampleAt > nanos ? 1 : 0;
        }

        synchronized List<Long> lag() {
            return List.copyOf(lag);
        }

        synchronized List<Long> relay() {
            return List.copyOf(relay);
        }
    }
}
