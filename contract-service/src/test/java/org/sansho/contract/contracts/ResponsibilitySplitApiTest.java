package org.sansho.contract.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.contract.Fixtures.as;

@QuarkusTest
class ResponsibilitySplitApiTest {

    private static final String SPLIT_CHANGED = "org.sansho.contract.responsibility-split-changed.v1";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void the_hospital_sets_a_split_from_the_catalogs_checklist_and_both_sides_read_it() throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        List<Map<String, Object>> checklist = Fixtures.checklistItems();
        List<String> part2 = checklist.stream().map(i -> (String) i.get("ref")).filter(r -> r.startsWith("Part2"))
                .toList();
        assertThat(part2).contains("Part2 A-1", "Part2 8");

        // Only the Part 1 items and one Part 2 item: the split is set, but incomplete.
        List<Map<String, Object>> partial = new ArrayList<>(checklist.stream()
                .filter(i -> ((String) i.get("ref")).startsWith("Part1"))
                .map(i -> Map.<String, Object>of("key", i.get("ref"), "party", "HOSPITAL")).toList());
        partial.add(Map.of("key", "Part2 A-1", "party", "SHARED", "note", "両者で2省GLへの準拠を確認"));
        as("procurement", p.hospital()).body(Map.of("items", partial))
                .put(split(id)).then().statusCode(200)
                .body("templateId", equalTo("role-sharing-checklist-2024"))
                .body("items.size()", is(checklist.size()))
                .body("items.find { it.key == 'Part2 A-1' }.party", equalTo("SHARED"))
                .body("items.find { it.key == 'Part2 A-1' }.part", equalTo("PART_2"))
                .body("items.find { it.key == 'Part2 A-1' }.requirements", hasItem("VGL-3.1-1"))
                .body("items.find { it.key == 'Part2 8' }.party", nullValue())
                .body("unassignedPart2", hasItem("Part2 8"))
                .body("unassignedPart2", not(hasItem("Part2 A-1")))
                .body("complete", is(false))
                .body("acknowledgement", nullValue());
        for (var reader : List.of(as("vendor", p.vendor()), as("auditor", p.hospital()))) {
            reader.get(split(id)).then().statusCode(200)
                    .body("items.find { it.key == 'Part2 A-1' }.note", equalTo("両者で2省GLへの準拠を確認"));
        }

        // The event carries the assigned items with the requirement keys they evidence.
        List<JsonNode> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> splitEvents(id), e -> e.size() >= 1);
        JsonNode data = events.get(events.size() - 1).path("data");
        assertThat(data.path("templateId").asText()).isEqualTo("role-sharing-checklist-2024");
        assertThat(data.path("acknowledged").asBoolean()).isFalse();
        assertThat(data.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        JsonNode shared = null;
        for (JsonNode item : data.path("items")) {
            if (item.path("key").asText().equals("Part2 A-1")) {
                shared = item;
            }
        }
        assertThat(shared).isNotNull();
        assertThat(shared.path("party").asText()).isEqualTo("SHARED");
        assertThat(shared.path("requirements").toString()).contains("VGL-3.1-1");
    }

    @Test
    void an_unknown_key_is_a_422_naming_it_and_changes_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        String before = as("procurement", p.hospital()).get(split(id)).then().statusCode(200).extract().asString();
        as("procurement", p.hospital()).body(Map.of("items", List.of(
                        Map.of("key", "Part2 A-1", "party", "SHARED"),
                        Map.of("key", "Part3 Z-9", "party", "VENDOR"))))
                .put(split(id)).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/unknown-checklist-item"))
                .body("detail", containsString("Part3 Z-9"))
                .body("detail", not(containsString("Part2 A-1")));
        as("procurement", p.hospital()).get(split(id)).then().body(equalTo(before));
    }

    @Test
    void bad_input_is_a_400_and_changes_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        Fixtures.agreeOnResponsibilitySplit(p, id);
        String before = as("procurement", p.hospital()).get(split(id)).then().statusCode(200).extract().asString();
        // a key given twice, a party that does not exist, a missing party, no items at all
        as("procurement", p.hospital()).body(Map.of("items", List.of(Map.of("key", "Part2 8", "party", "VENDOR"),
                        Map.of("key", "Part2 8", "party", "HOSPITAL"))))
                .put(split(id)).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Part2 8"));
        as("procurement", p.hospital()).body(Map.of("items", List.of(Map.of("key", "Part2 8", "party", "NOBODY"))))
                .put(split(id)).then().statusCode(400).contentType("application/problem+json");
        as("procurement", p.hospital()).body(Map.of("items", List.of(Map.of("key", "Part2 8"))))
                .put(split(id)).then().statusCode(400).contentType("application/problem+json");
        as("procurement", p.hospital()).body(Map.of())
                .put(split(id)).then().statusCode(400).contentType("application/problem+json");
        as("procurement", p.hospital()).header("If-Match", "\"0\"").body(Map.of("items", Fixtures.fullSplit()))
                .put(split(id)).then().statusCode(412);
        as("procurement", p.hospital()).get(split(id)).then().body(equalTo(before));
    }

    @Test
    void the_vendor_acknowledges_and_a_change_withdraws_the_acknowledgement() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        // Nothing to acknowledge before a split is set against the checklist.
        UUID bare = UUID.fromString(as("procurement", p.hospital()).body(withoutSplit(p))
                .post("/api/v1/contracts").then().statusCode(201).extract().path("id"));
        as("vendor", p.vendor()).post(split(bare) + "/acknowledgement").then().statusCode(409)
                .contentType("application/problem+json");

        as("procurement", p.hospital()).body(Map.of("items", Fixtures.fullSplit())).put(split(id))
                .then().statusCode(200).body("complete", is(true)).body("unassignedPart2", empty());
        // The hospital cannot acknowledge for the vendor.
        as("procurement", p.hospital()).post(split(id) + "/acknowledgement").then().statusCode(403);
        as("vendor", p.vendor()).post(split(id) + "/acknowledgement").then().statusCode(200)
                .body("acknowledgement.by", notNullValue()).body("acknowledgement.at", notNullValue());
        // Acknowledging again changes nothing.
        String etag = as("vendor", p.vendor()).get(split(id)).then().extract().header("ETag");
        as("vendor", p.vendor()).post(split(id) + "/acknowledgement").then().statusCode(200)
                .header("ETag", equalTo(etag));
        // The same split again is no change; a different one withdraws the acknowledgement.
        as("procurement", p.hospital()).body(Map.of("items", Fixtures.fullSplit())).put(split(id))
                .then().statusCode(200).body("acknowledgement", notNullValue());
        List<Map<String, Object>> changed = new ArrayList<>(Fixtures.fullSplit().stream()
                .filter(i -> !i.get("key").equals("Part2 8")).toList());
        changed.add(Map.of("key", "Part2 8", "party", "SHARED", "note", "事故時の対応は共同で"));
        as("procurement", p.hospital()).body(Map.of("items", changed)).put(split(id))
                .then().statusCode(200).body("acknowledgement", nullValue()).body("complete", is(true));
        // A PATCH of the responsibilities is the same change.
        as("vendor", p.vendor()).post(split(id) + "/acknowledgement").then().statusCode(200);
        String contractEtag = as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then().extract()
                .header("ETag");
        as("procurement", p.hospital()).header("If-Match", contractEtag)
                .body(Map.of("responsibilities", Fixtures.fullSplit())).patch("/api/v1/contracts/" + id)
                .then().statusCode(200);
        as("vendor", p.vendor()).get(split(id)).then().body("acknowledgement", nullValue());
    }

    @Test
    void agreed_is_refused_with_the_split_guard_until_the_split_is_complete_and_acknowledged() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        Fixtures.shareUnderstanding(p, id);
        for (String to : List.of("DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT")) {
            as("procurement", p.hospital()).body(Map.of("to", to)).post(transitions(id)).then().statusCode(200);
        }
        kafka.produceStrings().fromRecords(new ProducerRecord<>("assessment.events", id.toString(),
                Fixtures.assessmentResult("org.sansho.assessment.completed.v1", p, id, "PRE_CONTRACT", "ACCEPTABLE",
                        0, "2025-03-01T00:00:00Z"))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("procurement", p.hospital())
                .get("/api/v1/contracts/" + id + "/assessments").then().body("phase", hasItem("PRE_CONTRACT")));

        // The split given with the contract leaves Part 2 items unassigned and is not acknowledged.
        as("procurement", p.hospital()).body(Map.of("to", "AGREED")).post(transitions(id)).then().statusCode(409)
                .body("guards.guard", hasItem("responsibility-split"))
                .body("guards.find { it.reason.contains('Part 2') }.reason", containsString("Part2 A-1"))
                .body("guards.rule", hasItem(containsString("2省GL §3.2.1")));
        // Complete, but not acknowledged.
        as("procurement", p.hospital()).body(Map.of("items", Fixtures.fullSplit())).put(split(id))
                .then().statusCode(200);
        as("procurement", p.hospital()).body(Map.of("to", "AGREED")).post(transitions(id)).then().statusCode(409)
                .body("guards.guard", equalTo(List.of("responsibility-split")))
                .body("guards[0].reason", containsString("acknowledged"));
        as("vendor", p.vendor()).post(split(id) + "/acknowledgement").then().statusCode(200);
        as("procurement", p.hospital()).body(Map.of("to", "AGREED")).post(transitions(id)).then().statusCode(200)
                .body("state", equalTo("AGREED"));
    }

    @Test
    void another_organization_gets_404_and_the_vendor_cannot_set_the_split() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        Fixtures.Parties other = Fixtures.parties();
        as("procurement", other.hospital()).get(split(id)).then().statusCode(404)
                .contentType("application/problem+json");
        as("procurement", other.hospital()).body(Map.of("items", Fixtures.fullSplit())).put(split(id))
                .then().statusCode(404).contentType("application/problem+json");
        as("vendor", other.vendor()).post(split(id) + "/acknowledgement").then().statusCode(404)
                .contentType("application/problem+json");
        as("vendor", p.vendor()).body(Map.of("items", Fixtures.fullSplit())).put(split(id)).then().statusCode(403);
        as("procurement", p.hospital()).get(split(id)).then().body("complete", is(false));
    }

    private static Map<String, Object> withoutSplit(Fixtures.Parties p) {
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.contractBody(p, "6.0", "2.0"));
        body.remove("responsibilities");
        return body;
    }

    private static String split(UUID id) {
        return "/api/v1/contracts/" + id + "/responsibility-split";
    }

    private static String transitions(UUID id) {
        return "/api/v1/contracts/" + id + "/transitions";
    }

    private static List<JsonNode> splitEvents(UUID id) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (var r : TopicRecords.forKey("contract.events", id.toString())) {
            JsonNode event = json.readTree(r.value());
            if (event.path("type").asText().equals(SPLIT_CHANGED)) {
                events.add(event);
            }
        }
        return events;
    }
}
