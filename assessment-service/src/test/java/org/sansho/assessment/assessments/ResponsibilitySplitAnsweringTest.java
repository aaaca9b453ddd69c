package org.sansho.assessment.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.CatalogTestResource;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;

/**
 * The contract's responsibility split (contract.responsibility-split-changed) decides who answers each item: the
 * hospital answers what the split gives to it, both sides answer what it shares, the vendor the rest.
 */
@QuarkusTest
class ResponsibilitySplitAnsweringTest {

    private static final List<Map<String, String>> VENDOR_GL = List.of(
            Map.of("guidelineId", "meti-mic-medical-service-provider", "version", "1.1"));

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();

    @Test
    void the_split_decides_who_answers_the_items_of_an_assessment_opened_from_the_real_catalog() {
        // The split the contract-service publishes: the 確認表 items as the catalog holds them, Part1 ① given to
        // the hospital and Part2 A-1 shared.
        Map<String, List<String>> requirements = checklistRequirements();
        assertThat(requirements.get("Part1 ①")).contains("VGL-4.1-2");
        assertThat(requirements.get("Part2 A-1")).contains("VGL-3.1-1");
        sendSplit(List.of(splitItem("Part1 ①", "PART_1", "HOSPITAL", requirements.get("Part1 ①")),
                splitItem("Part2 A-1", "PART_2", "SHARED", requirements.get("Part2 A-1"))));
        sendContractEvent("org.sansho.contract.state-changed.v1", Fixtures.stateChanged(contract, hospital, vendor,
                "DRAFT", "DISCLOSURE_REQUESTED", "PRE_CONTRACT", VENDOR_GL));
        UUID id = await().atMost(Duration.ofSeconds(30)).until(this::openAssessment, a -> a != null);

        Map<String, String> sides = sides(id);
        assertThat(sides).containsEntry("VGL-4.1-2", "HOSPITAL").containsEntry("VGL-3.1-1", "BOTH");
        // A requirement no split item names stays with the vendor.
        assertThat(sides).containsEntry("VGL-4.1-3", "VENDOR");

        // HOSPITAL: the hospital answers (self-assessment); the vendor is not asked and is refused.
        String hospitalItem = "VGL-4.1-2";
        String before = etag(id, hospitalItem);
        as(Roles.VENDOR, vendor).header("If-Match", before).body(implemented())
                .put("/api/v1/assessments/{id}/items/{key}/response", id, hospitalItem).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("HOSPITAL"));
        assertThat(etag(id, hospitalItem)).isEqualTo(before);
        as(Roles.PROCUREMENT, hospital).header("If-Match", before).body(implemented())
                .put("/api/v1/assessments/{id}/items/{key}/response", id, hospitalItem).then().statusCode(200)
                .body("answeredBy", equalTo("HOSPITAL")).body("answered", is(true))
                .body("response", nullValue()).body("hospitalResponse.status", equalTo("IMPLEMENTED"));

        // VENDOR: the hospital is refused.
        as(Roles.PROCUREMENT, hospital).header("If-Match", etag(id, "VGL-4.1-3")).body(implemented())
                .put("/api/v1/assessments/{id}/items/{key}/response", id, "VGL-4.1-3").then().statusCode(403)
                .contentType("application/problem+json");

        // BOTH: answered only once both sides have.
        answer(Roles.VENDOR, vendor, id, "VGL-3.1-1").statusCode(200).body("answered", is(false))
                .body("response.status", equalTo("IMPLEMENTED")).body("hospitalResponse", nullValue());
        answer(Roles.PROCUREMENT, hospital, id, "VGL-3.1-1").statusCode(200).body("answered", is(true))
                .body("response.status", equalTo("IMPLEMENTED")).body("hospitalResponse.status", equalTo("IMPLEMENTED"));

        // Another organization's procurement does not see the assessment.
        as(Roles.PROCUREMENT, UUID.randomUUID()).header("If-Match", etag(id, hospitalItem)).body(implemented())
                .put("/api/v1/assessments/{id}/items/{key}/response", id, hospitalItem).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void a_split_changed_after_the_items_exist_moves_them_and_a_shared_item_needs_both_answers_before_submission() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN,
                List.of(new VersionRef("split-test-guideline", "1")), List.of(new Fixtures.Req("S-H", MANDATORY),
                        new Fixtures.Req("S-B", MANDATORY), new Fixtures.Req("S-V", MANDATORY)));
        assertThat(sides(id)).containsEntry("S-H", "VENDOR").containsEntry("S-B", "VENDOR");
        sendSplit(List.of(splitItem("Part1 ①", "PART_1", "HOSPITAL", List.of("S-H")),
                splitItem("Part2 A-1", "PART_2", "SHARED", List.of("S-B")),
                splitItem("Part2 8", "PART_2", "VENDOR", List.of("S-V"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> sides(id),
                s -> "HOSPITAL".equals(s.get("S-H")) && "BOTH".equals(s.get("S-B")));
        assertThat(sides(id)).containsEntry("S-V", "VENDOR");

        answer(Roles.VENDOR, vendor, id, "S-V").statusCode(200);
        answer(Roles.VENDOR, vendor, id, "S-B").statusCode(200);
        answer(Roles.PROCUREMENT, hospital, id, "S-H").statusCode(200);
        // The shared item still waits for the hospital's answer.
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(409)
                .body("guards.guard", hasItem("all-items-answered"))
                .body("guards.find { it.guard == 'all-items-answered' }.reason", containsString("1 of 3"));
        answer(Roles.PROCUREMENT, hospital, id, "S-B").statusCode(200).body("answered", is(true));
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void bad_input_to_an_answer_is_a_400_and_changes_nothing() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN,
                List.of(new VersionRef("split-test-guideline", "1")), List.of(new Fixtures.Req("S-H", MANDATORY)));
        sendSplit(List.of(splitItem("Part1 ①", "PART_1", "HOSPITAL", List.of("S-H"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> sides(id), s -> "HOSPITAL".equals(s.get("S-H")));
        String before = etag(id, "S-H");
        as(Roles.PROCUREMENT, hospital).header("If-Match", before).body(Map.of("status", "MAYBE"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, "S-H").then().statusCode(400)
                .contentType("application/problem+json");
        as(Roles.PROCUREMENT, hospital).header("If-Match", before).body(Map.of("status", "NOT_APPLICABLE"))
                .put("/api/v1/assessments/{id}/items/{key}/response", id, "S-H").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(etag(id, "S-H")).isEqualTo(before);
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}/items/{key}", id, "S-H").then()
                .body("hospitalResponse", nullValue()).body("answered", is(false));
    }

    private static Map<String, Object> implemented() {
        return Map.of("status", "IMPLEMENTED", "statement", "in place");
    }

    private io.restassured.response.ValidatableResponse answer(String role, UUID org, UUID id, String key) {
        return as(role, org).header("If-Match", etag(id, key)).body(implemented())
                .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then();
    }

    private String etag(UUID id, String key) {
        return as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}/items/{key}", id, key)
                .then().statusCode(200).extract().header("ETag");
    }

    private Map<String, String> sides(UUID id) {
        JsonNode page = Fixtures.read(as(Roles.VENDOR, vendor).queryParam("size", 100)
                .get("/api/v1/assessments/{id}/items", id).then().statusCode(200).extract().asString());
        Map<String, String> sides = new HashMap<>();
        page.path("items").forEach(i -> sides.put(i.path("key").asText(), i.path("answeredBy").asText()));
        return sides;
    }

    private UUID openAssessment() {
        JsonNode page = Fixtures.read(as(Roles.PROCUREMENT, hospital).queryParam("contract", contract)
                .get("/api/v1/assessments").then().statusCode(200).extract().asString());
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(a -> "OPEN".equals(a.path("status").asText()))
                .map(a -> UUID.fromString(a.path("id").asText())).findFirst().orElse(null);
    }

    /** The requirement keys of each role-sharing checklist item, as the running catalog holds them. */
    private static Map<String, List<String>> checklistRequirements() {
        JsonNode template = Fixtures.read(RestAssured.given().baseUri(CatalogTestResource.catalog().baseUrl())
                .auth().oauth2(TestTokens.token(Roles.SERVICE))
                .get("/api/v1/disclosure-templates/role-sharing-checklist-2024").then().statusCode(200)
                .extract().asString());
        Map<String, List<String>> requirements = new HashMap<>();
        template.path("items").forEach(i -> requirements.put(i.path("ref").asText(),
                StreamSupport.stream(i.path("requirements").spliterator(), false).map(JsonNode::asText).toList()));
        return requirements;
    }

    private static Map<String, Object> splitItem(String key, String part, String party, List<String> requirements) {
        Map<String, Object> item = new HashMap<>();
        item.put("key", key);
        item.put("part", part);
        item.put("party", party);
        item.put("note", null);
        item.put("requirements", requirements);
        return item;
    }

    private void sendSplit(List<Map<String, Object>> items) {
        Map<String, Object> data = new HashMap<>();
        data.put("contractId", contract.toString());
        data.put("hospitalId", hospital.toString());
        data.put("vendorId", vendor.toString());
        data.put("serviceModel", "SAAS");
        data.put("baseline", VENDOR_GL);
        data.put("dataCategories", List.of("OTHER_PERSONAL_HEALTH_INFO"));
        data.put("templateId", "role-sharing-checklist-2024");
        data.put("items", items);
        data.put("acknowledged", false);
        sendContractEvent("org.sansho.contract.responsibility-split-changed.v1", data);
    }

    private void sendContractEvent(String type, Object data) {
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), type, contract.toString(), data);
        ProducerRecord<String, String> record = new ProducerRecord<>("contract.events", contract.toString(), value);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }
}
