package org.sansho.benchmark.stages;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.suite.Suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * From a transition's HTTP response to the assessment it opens being visible over HTTP: the assessment-service's
 * event stream (SSE) shows assessment.opened once the assessment is committed and its fact relayed, so the time
 * measured is an upper bound of when a GET would see it. At 50, 100 and 200 transitions a second after a warm-up,
 * each rate with where its time went.
 */
public final class EventLatency implements Stage {

    private static final double[] RATES = {50, 100, 200};

    private final Data data;

    public EventLatency(Data data) {
        this.data = data;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void run(Run run) throws Exception {
        run.awaitQuiet("the earlier stages");
        Suite suite = run.suite();
        Suite.Parties p = data.parties();
        Duration warmUp = run.form().warmUp();
        Duration eventWindow = run.form().eventWindow();
        String token = suite.token("procurement", p.hospital());
        // as every load has, a warm-up: the first rate for the warm-up time, not measured
        int needed = (int) (RATES[0] * warmUp.toSeconds()) + 1;
        for (double r : RATES) {
            needed += (int) (r * eventWindow.toSeconds()) + 1;
        }
        ConcurrentLinkedQueue<UUID> drafts = data.drafts(run, "Event latency", needed, Duration.ofMinutes(3));
        awaitConsumersCaughtUp(run, "the contract facts of the new DRAFT contracts");
        Map<String, Long> respondedAt = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicLong streamed = new AtomicLong();
        AtomicLong opened = new AtomicLong();
        // where the time goes: the contract's own fact on the stream, and when the assessment was filled
        Map<String, Long> contractFactAt = new ConcurrentHashMap<>();
        Map<String, Instant> openedEventTime = new ConcurrentHashMap<>();
        Map<String, Instant> respondedWall = new ConcurrentHashMap<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = run.http().sendAsync(Suite.request(suite.assessment,
                "/api/v1/stream?hospital=" + p.hospital(), token).setHeader("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<Stream<String>> response = stream.get();
                if (response.statusCode() != 200) {
                    run.progress("The event stream answered %d: no event latency can be measured",
                            response.statusCode());
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
        for (int round = -1; round < RATES.length; round++) {
            boolean warming = round < 0;
            double rate = RATES[Math.max(round, 0)];
            Duration window = warming ? warmUp : eventWindow;
            awaitConsumersCaughtUp(run, "the previous load's facts");
            run.progress("Event latency at %.0f transitions/s for %ds%s", rate, window.toSeconds(),
                    warming ? " (warm-up)" : "");
            CpuMeter.Snapshot before = run.cpu().snapshot();
            Load.Result r = Load.open(intended -> {
                UUID id = drafts.poll();
                if (id == null) {
                    return CompletableFuture.completedFuture(-1L);
                }
                String key = id.toString();
                CompletableFuture<Long> visible = new CompletableFuture<>();
                pending.put(key, visible);
                return run.http().sendAsync(Suite.post(suite.contract, "/api/v1/contracts/" + id + "/transitions",
                                token, Map.of("to", "DISCLOSURE_REQUESTED", "reason", "benchmark")),
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
            CpuMeter.Usage used = CpuMeter.between(before, run.cpu().snapshot(), r.count() + r.errors());
            run.report().add("event latency", String.format("transition → assessment visible, %.0f/s", rate), r,
                    "HTTP response of the transition → assessment.opened on the SSE stream", used);
            run.progress("  %.0f/s: p50 %.1f  p99 %.1f ms, %d measured, %d errors; the stream so far: %d events, %d "
                    + "assessment.opened", rate, r.percentileMillis(50), r.percentileMillis(99), r.count(),
                    r.errors(), streamed.get(), opened.get());
            run.progress("    %s", Report.cpuSummary(used));
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
            run.progress("  %s", parts);
            run.report().fact(String.format("event latency parts at %.0f/s", rate), parts);
            respondedWall.clear();
        }
        stream.cancel(true);
    }

    /**
     * Waits until the assessment-service has consumed every contract fact sent so far (its inbox count stays the
     * same for two seconds), so that a rate is measured on a quiet suite and not behind the previous stage's
     * backlog; reports how fast the backlog was consumed.
     */
    private static void awaitConsumersCaughtUp(Run run, String what) throws Exception {
        long t0 = System.nanoTime();
        double first = consumedContractFacts(run);
        double last = first;
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2)
                && System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(250);
            double now = consumedContractFacts(run);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        double seconds = (stableSince - t0) / 1e9;
        if (last > first) {
            run.progress("  the assessment-service consumed %.0f more contract facts (%s) in %.1f s: %.0f/s",
                    last - first, what, seconds, (last - first) / Math.max(seconds, 0.001));
        }
    }

    private static double consumedContractFacts(Run run) throws Exception {
        HttpResponse<String> r = run.http().send(HttpRequest.newBuilder(URI.create(run.suite().assessment
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("sansho_inbox_events_total{")
                    && line.contains("consumer=\"assessment-service.contract-events\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
