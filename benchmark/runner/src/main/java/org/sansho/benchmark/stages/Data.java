package org.sansho.benchmark.stages;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.benchmark.load.Form;
import org.sansho.benchmark.suite.Oscal;
import org.sansho.benchmark.suite.Suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The data the loads work on, through the API: a hospital, a vendor and its SaaS service; and, for the reads, two
 * catalogs of 5,000 and 500 requirements made from the METI/MIC guideline's own OSCAL export, imported and
 * published. Every run has it.
 */
public final class Data implements Stage {

    private Suite.Parties parties;

    @Override
    public String name() {
        return "data";
    }

    @Override
    public boolean choosable() {
        return false;
    }

    @Override
    public boolean runs(Set<String> chosen) {
        return true;
    }

    @Override
    public void run(Run run) throws Exception {
        parties = run.suite().parties("ベンチ");
        if (run.chosen("reads")) {
            catalogs(run);
        }
    }

    /** The hospital, vendor and service the writes, reads, vendor responses and event latency use. */
    Suite.Parties parties() {
        return parties;
    }

    /**
     * {@code needed} DRAFT contracts of the hospital, made through the API within {@code limit}, for a stage whose
     * load moves them on. Fewer than nine in ten made (the contract-service not yet knowing the baseline's versions as
     * published, say) ends the stage: its load would measure refusals, not the path.
     */
    ConcurrentLinkedQueue<UUID> drafts(Run run, String stage, int needed, Duration limit) throws InterruptedException {
        Suite suite = run.suite();
        String token = suite.token("procurement", parties.hospital());
        run.progress("%s: creating %d DRAFT contracts", stage, needed);
        ConcurrentLinkedQueue<UUID> drafts = new ConcurrentLinkedQueue<>();
        run.load().closed(run.load().check(n -> Suite.post(suite.contract, "/api/v1/contracts", token,
                        Suite.newContract(parties, n)), r -> r.statusCode() == 201
                        && drafts.add(UUID.fromString(Suite.idOf(r.body())))), Form.CONCURRENCY,
                Duration.ZERO, limit, needed);
        if (drafts.size() < needed * 9L / 10) {
            throw new IllegalStateException(stage + ": only " + drafts.size() + " of " + needed
                    + " DRAFT contracts could be created; nothing is measured");
        }
        return drafts;
    }

    private static void catalogs(Run run) throws Exception {
        Suite suite = run.suite();
        run.progress("Loading two catalogs through the OSCAL import: 5,000 and 500 requirements");
        JsonNode oscal = suite.send(Suite.request(suite.catalog,
                "/api/v1/guidelines/meti-mic-medical-service-provider/versions/1.1/oscal",
                suite.token("catalog-admin", null)).build(), 200);
        // both at once, each on a thread of its own (the common pool has one thread on two cores): set-up, not
        // measured, and two guidelines' imports touch nothing of each other's
        List<CompletableFuture<Void>> imports = new ArrayList<>();
        for (int size : new int[]{5000, 500}) {
            imports.add(CompletableFuture.runAsync(() -> {
                try {
                    importCatalog(suite, oscal, size);
                } catch (Exception e) {
                    throw new IllegalStateException("Loading the " + size + "-requirement catalog failed: " + e, e);
                }
            }, command -> new Thread(command, "import-" + size).start()));
        }
        imports.forEach(CompletableFuture::join);
    }

    private static void importCatalog(Suite suite, JsonNode oscal, int size) throws Exception {
        String id = "bench-catalog-" + size;
        suite.send(Suite.post(suite.catalog, "/api/v1/guidelines", suite.token("catalog-admin", null),
                Map.of("id", id, "issuer", "METI_MIC", "audience", "BOTH",
                        "title", Map.of("ja", "ベンチマーク用 " + size, "en", "Benchmark catalog " + size))), 201);
        suite.send(Suite.slowPost(suite.catalog, "/api/v1/imports/oscal?guidelineId=" + id + "&version=1",
                suite.token("catalog-admin", null), Oscal.scaled(oscal, size, "BENCH" + size + "-")), 201);
        suite.send(Suite.slowPost(suite.catalog, "/api/v1/guidelines/" + id + "/versions/1/publish",
                suite.token("catalog-admin", null), Map.of()), 200);
    }
}
