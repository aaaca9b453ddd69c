package org.sansho.benchmark.stages;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.benchmark.suite.Suite;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The vendor's response PUT on assessment items, with If-Match and each item's current ETag (after the reads). */
public final class VendorResponses implements Stage {

    private final Data data;
    private final Writes writes;

    public VendorResponses(Data data, Writes writes) {
        this.data = data;
        this.writes = writes;
    }

    @Override
    public String name() {
        return "vendor";
    }

    @Override
    public void run(Run run) throws Exception {
        run.awaitQuiet("the reads");
        Suite suite = run.suite();
        Suite.Parties p = data.parties();
        List<UUID> assessments = writes.assessments();
        String vendorToken = suite.token("vendor", p.vendor());
        record Item(UUID assessment, String key, String etag) {
        }
        ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
        for (UUID a : assessments.subList(0, Math.min(20, assessments.size()))) {
            JsonNode page = suite.send(Suite.request(suite.assessment, "/api/v1/assessments/" + a + "/items?size=100",
                    vendorToken).build(), 200);
            for (JsonNode item : page.path("items")) {
                String key = item.path("key").asText(item.path("requirementKey").asText());
                HttpResponse<String> r = run.http().send(Suite.request(suite.assessment, "/api/v1/assessments/" + a
                        + "/items/" + key, vendorToken).build(), HttpResponse.BodyHandlers.ofString());
                r.headers().firstValue("ETag").ifPresent(etag -> items.add(new Item(a, key, etag)));
            }
        }
        run.progress("Write: vendor response PUT (%d items, each with its current ETag)", items.size());
        String[] statuses = {"IMPLEMENTED", "PARTIAL"};
        run.closed("writes", "vendor response: PUT /assessments/{id}/items/{key}/response", n -> {
            Item item = items.poll();
            if (item == null) {
                return null;
            }
            HttpRequest put = Suite.request(suite.assessment, "/api/v1/assessments/" + item.assessment() + "/items/"
                    + item.key() + "/response", vendorToken).header("Content-Type", "application/json")
                    .header("If-Match", item.etag())
                    .PUT(Suite.body(Map.of("status", statuses[(int) (n % 2)], "statement", "benchmark answer " + n)))
                    .build();
            return run.http().sendAsync(put, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
                items.add(new Item(item.assessment(), item.key(), r.headers().firstValue("ETag").orElse(item.etag())));
                return r.statusCode() == 200;
            });
        }, "If-Match with the item's current ETag");
    }
}
