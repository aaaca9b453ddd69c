package org.sansho.benchmark.stages;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.benchmark.suite.Suite;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Contract create, and the state transition DRAFT → DISCLOSURE_REQUESTED (each on its own DRAFT contract; it opens a
 * pre-contract assessment); then a wait until every assessment is open. The reads and the vendor responses work on
 * the contracts and assessments it leaves, so it runs for them too.
 */
public final class Writes implements Stage {

    private final Data data;
    private List<UUID> contracts = List.of();
    private List<UUID> assessments = List.of();

    public Writes(Data data) {
        this.data = data;
    }

    @Override
    public String name() {
        return "writes";
    }

    @Override
    public boolean runs(Set<String> chosen) {
        // reads and vendor responses need the contracts and assessments the writes leave
        return chosen.contains("writes") || chosen.contains("reads") || chosen.contains("vendor");
    }

    @Override
    public void run(Run run) throws Exception {
        contracts = writes(run, data.parties());
        assessments = awaitAssessments(run, data.parties());
    }

    /** The contracts created (all of them, the transitioned ones included). */
    List<UUID> contracts() {
        return contracts;
    }

    /** The assessments the transitions opened (the first page of the hospital's). */
    List<UUID> assessments() {
        return assessments;
    }

    private static List<UUID> writes(Run run, Suite.Parties p) throws Exception {
        Suite suite = run.suite();
        String token = suite.token("procurement", p.hospital());
        ConcurrentLinkedQueue<UUID> created = new ConcurrentLinkedQueue<>();
        run.progress("Write: contract create");
        run.closed("writes", "contract create: POST /contracts", run.load().check(n -> Suite.post(suite.contract,
                "/api/v1/contracts", token, Suite.newContract(p, n)), r -> {
                    if (r.statusCode() != 201) {
                        return false;
                    }
                    created.add(UUID.fromString(Suite.idOf(r.body())));
                    return true;
                }), null);
        // Transitions need DRAFT contracts of their own, and so does the event-latency stage later on.
        ConcurrentLinkedQueue<UUID> drafts = new ConcurrentLinkedQueue<>(created);
        run.progress("Write: state transition DRAFT → DISCLOSURE_REQUESTED (%d DRAFT contracts at hand)",
                drafts.size());
        run.closed("writes", "transition: POST /contracts/{id}/transitions", n -> {
            UUID id = drafts.poll();
            if (id == null) {
                return null;
            }
            return run.http().sendAsync(Suite.post(suite.contract, "/api/v1/contracts/" + id + "/transitions", token,
                    Map.of("to", "DISCLOSURE_REQUESTED", "reason", "benchmark")), HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> r.statusCode() == 200);
        }, "each on its own DRAFT contract; opens a pre-contract assessment");
        return new ArrayList<>(created);
    }

    /** Waits until the transitions' assessments are all open, so that the next loads run on a quiet suite. */
    private static List<UUID> awaitAssessments(Run run, Suite.Parties p) throws Exception {
        Suite suite = run.suite();
        long expected = run.report().result("transition: POST /contracts/{id}/transitions").count();
        run.progress("Waiting for the %d assessments the transitions open", expected);
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
        run.progress("%d assessments open", page.path("totalItems").asLong());
        return ids;
    }
}
