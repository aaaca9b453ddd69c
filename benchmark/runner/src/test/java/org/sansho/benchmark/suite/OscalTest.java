package org.sansho.benchmark.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OscalTest {

    private static final String NS = "https://sansho.example/ns/oscal";

    @Test
    void a_catalog_is_scaled_to_the_size_asked_with_unique_ids_and_keys_and_reference_links_only() throws Exception {
        JsonNode exported = new ObjectMapper().readTree("""
                {"catalog": {"metadata": {"version": "1.1"}, "groups": [
                  {"id": "s-1", "controls": [
                    {"id": "r-A", "props": [{"name": "key", "ns": "%1$s", "value": "A"},
                                            {"name": "party", "ns": "%1$s", "value": "VENDOR"}],
                     "links": [{"rel": "reference", "href": "#c1"}, {"rel": "related", "href": "#m1"}],
                     "parts": [{"id": "r-A_smt.en", "name": "statement"}]}]},
                  {"id": "s-2", "controls": [
                    {"id": "r-B", "props": [{"name": "key", "ns": "%1$s", "value": "B"}]}]}]}}
                """.formatted(NS));

        JsonNode scaled = Oscal.scaled(exported, 5, "BENCH-");

        List<JsonNode> controls = new ArrayList<>();
        scaled.path("catalog").path("groups").forEach(g -> g.path("controls").forEach(controls::add));
        assertThat(controls).hasSize(5);
        assertThat(scaled.path("catalog").path("groups").get(0).path("controls")).hasSize(3);
        var ids = new HashSet<String>();
        var keys = new HashSet<String>();
        for (JsonNode c : controls) {
            ids.add(c.path("id").asText());
            keys.add(c.path("props").get(0).path("value").asText());
        }
        assertThat(ids).hasSize(5);
        assertThat(keys).containsExactlyInAnyOrder("BENCH-0", "BENCH-1", "BENCH-2", "BENCH-3", "BENCH-4");
        JsonNode first = controls.get(0);
        assertThat(first.path("links")).hasSize(1);
        assertThat(first.path("links").get(0).path("rel").asText()).isEqualTo("reference");
        assertThat(first.path("parts").get(0).path("id").asText()).isEqualTo("r-bench-0_smt.en");
        assertThat(first.path("props").get(1).path("value").asText()).isEqualTo("VENDOR");
        // the export it came from is untouched
        assertThat(exported.path("catalog").path("groups").get(0).path("controls")).hasSize(1);
    }
}
