package org.sansho.benchmark.stages;

import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Form;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.suite.Suite;
import org.sansho.benchmark.targets.SuiteTargets;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Contract GET by id; applicability (SaaS pre-contract checklist) over 5,000 and 500 requirements, the 5,000 also at
 * a fixed rate for its latency; requirement search; a page of assessment items; the hospital's posture. The two reads
 * whose targets are ratios to the read ceiling are measured in turns with it ({@link Run#inTurns}).
 */
public final class Reads implements Stage {

    private final Data data;
    private final Writes writes;

    public Reads(Data data, Writes writes) {
        this.data = data;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "reads";
    }

    @Override
    public void run(Run run) throws Exception {
        run.awaitQuiet("the writes");
        Suite suite = run.suite();
        Load load = run.load();
        Suite.Parties p = data.parties();
        List<UUID> contracts = writes.contracts();
        List<UUID> assessments = writes.assessments();
        String token = suite.token("procurement", p.hospital());
        run.progress("Read: contract GET by id, in turns with the read ceiling");
        run.inTurns("reads", "contract GET by id", load.expect(200, n -> Suite.request(suite.contract,
                "/api/v1/contracts/" + contracts.get((int) (n % contracts.size())), token).build()), null);
        for (int size : new int[]{5000, 500}) {
            run.progress("Read: applicability, SaaS pre-contract checklist, %d requirements%s", size,
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
                run.inTurns("reads", name, load.expect(200, request::apply), "Accept-Encoding: gzip");
                applicabilityAtFixedRate(run, request,
                        run.report().requestsPerSecond(SuiteTargets.READ_CEILING_IN_TURNS + name));
            } else {
                run.closed("growth", name, load.expect(200, request::apply), "Accept-Encoding: gzip");
            }
        }
        run.progress("Read: requirement search, 5,000 requirements");
        run.closed("reads", "requirement search (5,000 requirements)", load.expect(200, n -> Suite.request(
                suite.catalog, "/api/v1/guidelines/bench-catalog-5000/versions/1/requirements?q=BENCH5000-"
                        + (1 + n % 499) + "&size=20", token).build()), "q matches keys BENCH5000-n*");
        run.progress("Read: assessment items");
        run.closed("reads", "assessment items (page of 20)", load.expect(200, n -> Suite.request(suite.assessment,
                "/api/v1/assessments/" + assessments.get((int) (n % assessments.size())) + "/items?size=20", token)
                .build()), null);
        run.progress("Read: posture");
        run.closed("reads", "posture of a hospital", load.expect(200, n -> Suite.request(suite.assessment,
                "/api/v1/posture?hospital=" + p.hospital(), token).build()), null);
    }

    /**
     * The applicability latency at a fixed arrival rate: half the read ceiling's throughput measured in turns with
     * the applicability just before (so the rate scales with the machine as it is). A closed load's percentiles are
     * those of a saturated server, where every request waits behind the others in flight; a latency target is about
     * the load a deployment is sized for, below saturation.
     */
    private static void applicabilityAtFixedRate(Run run, LongFunction<HttpRequest> request, double ceiling)
            throws InterruptedException {
        double rate = Math.max(50, Math.round(Double.isNaN(ceiling) ? 100 : ceiling / 2));
        String name = String.format("applicability (5000 requirements) at %.0f/s", rate);
        run.progress("Read: %s (half the read ceiling)", name);
        AtomicLong seq = new AtomicLong();
        CpuMeter.Snapshot before = run.cpu().snapshot();
        Load.Result r = Load.open(intended -> run.http().sendAsync(request.apply(seq.incrementAndGet()),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(resp -> resp.statusCode() == 200 ? System.nanoTime() - intended : -1L), rate,
                run.form().measure(), 2 * Form.CONCURRENCY);
        run.report().add("reads", SuiteTargets.APPLICABILITY_AT_RATE, r, name + "; Accept-Encoding: gzip",
                CpuMeter.between(before, run.cpu().snapshot(), r.count() + r.errors()));
        run.progress("  %-55s %8.0f req/s  p50 %6.2f  p99 %7.2f ms  errors %d", name, r.requestsPerSecond(),
                r.percentileMillis(50), r.percentileMillis(99), r.errors());
    }
}
