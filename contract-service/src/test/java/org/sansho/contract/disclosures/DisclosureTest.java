package org.sansho.contract.disclosures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.AuditTable;
import org.sansho.testsupport.TopicRecords;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.contract.Fixtures.as;

/**
 * The disclosure package per contract against the catalog's real disclosure templates (2省GL §3.2.1; vendor
 * guideline §4.1 表4-1): the vendor answers, the registered facts stand beside its statements, the hospital reviews,
 * and shared understanding gates UNDER_ASSESSMENT and AGREED.
 */
@QuarkusTest
class DisclosureTest {

    private static final String LOCATION_ROW = "vendor-gl-table-4-1.1";
    private static final String BACKUP_ROW = "vendor-gl-table-4-1.3";
    private static final String STRUCTURE_ROW = "vendor-gl-table-4-1.4";
    private static final String CERTIFICATION_ROW = "vendor-gl-table-4-1.7";
    private static final String FINANCE_ROW = "vendor-gl-table-4-1.6";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    DataSource dataSource;

    @Test
    void the_package_holds_the_catalogs_disclosure_rows_and_shows_registered_facts_beside_the_vendors_answers() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        as("vendor", p.vendor()).body(Map.of("scheme", "ISMS", "certificateNumber", "IS 555", "issuer", "JQA",
                        "issuedOn", "2024-04-01", "expiresOn", "2099-03-31"))
                .post("/api/v1/organizations/" + p.vendor() + "/certifications").then().statusCode(201);
        String base = "/api/v1/contracts/" + id + "/disclosure";

        // Before the first answer: the catalog's rows (表4-1 and the SDS headings, not the role-sharing checklist).
        Response unstarted = as("procurement", p.hospital()).get(base);
        unstarted.then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("started", is(false)).body("sharedUnderstanding", is(false))
                .body("items.status", everyItem(equalTo("OPEN")))
                .body("items.templateId", hasItem("vendor-gl-table-4-1"))
                .body("items.templateId", hasItem("jahis-sds-5"))
                .body("items.templateId", not(hasItem("role-sharing-checklist-2024")));
        assertThat(item(unstarted, LOCATION_ROW).path("ref").asText()).isEqualTo("表4-1 1");
        assertThat(item(unstarted, LOCATION_ROW).path("textJa").asText()).contains("国内法");
        int rows = unstarted.path("items.size()");
        assertThat(rows).isGreaterThanOrEqualTo(9 + 9);

        Response answered = as("vendor", p.vendor()).body(Map.of(
                        "statement", "データは東京リージョンのみに保存します",
                        "evidence", List.of(Map.of("title", "データセンター所在地証明", "uri", "https://vendor.example/dc.pdf",
                                "validUntil", "2027-03-31"), Map.of("title", "社内規程 第3条"))))
                .put(base + "/items/" + LOCATION_ROW);
        answered.then().statusCode(200).body("started", is(true)).header("ETag", not(equalTo("\"0\"")));
        JsonNode location = item(answered, LOCATION_ROW);
        assertThat(location.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(location.path("evidence")).hasSize(2);
        assertThat(location.path("evidence").get(0).path("validUntil").asText()).isEqualTo("2027-03-31");
        assertThat(location.path("fact").path("kind").asText()).isEqualTo("DATA_LOCATION");
        assertThat(location.path("fact").path("dataLocations").get(0).path("country").asText()).isEqualTo("JP");
        assertThat(location.path("fact").path("dataLocations").get(0).path("domesticJurisdiction").asBoolean())
                .isTrue();
        assertThat(location.path("fact").path("vendorStatement").asText()).isEqualTo("データは東京リージョンのみに保存します");

        // The other fact rows show what is registered even before they are answered.
        assertThat(item(answered, BACKUP_ROW).path("fact").path("backupGenerations").asInt()).isEqualTo(7);
        assertThat(item(answered, BACKUP_ROW).path("fact").path("offlineBackupCopy").asBoolean()).isTrue();
        JsonNode certification = item(answered, CERTIFICATION_ROW).path("fact");
        assertThat(certification.path("kind").asText()).isEqualTo("CERTIFICATIONS");
        assertThat(certification.path("certifications").get(0).path("scheme").asText()).isEqualTo("ISMS");
        assertThat(certification.path("certifications").get(0).path("valid").asBoolean()).isTrue();
        assertThat(item(answered, STRUCTURE_ROW).path("fact").path("kind").asText()).isEqualTo("SUBCONTRACTORS");
        assertThat(item(answered, FINANCE_ROW).path("fact").isNull()).isTrue();

        // Both sides and their auditors read the same package; another organization does not see it.
        as("vendor", p.vendor()).get(base).then().statusCode(200).body("summary.ANSWERED", equalTo(1));
        as("auditor", p.hospital()).get(base).then().statusCode(200).body("summary.OPEN", equalTo(rows - 1));
        as("vendor", UUID.randomUUID()).get(base).then().statusCode(404);
        as("procurement", UUID.randomUUID()).get(base).then().statusCode(404);
    }

    @Test
    void review_needs_information_loop_and_shared_understanding_gate_under_assessment_and_agreed() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + id + "/disclosure";
        move(p, id, "DISCLOSURE_REQUESTED").then().statusCode(200);
        List<String> keys = as("vendor", p.vendor()).get(base).then().extract().path("items.key");
        for (String key : keys) {
            as("vendor", p.vendor()).body(Map.of("statement", "回答 " + key)).put(base + "/items/" + key)
                    .then().statusCode(200);
        }
        // The hospital asks for more on one row; the contract cannot go on to the assessment.
        as("procurement", p.hospital()).body(Map.of("decision", "NEEDS_INFORMATION",
                        "comment", "世代数とオフライン保管の有無を記載してください"))
                .post(base + "/items/" + BACKUP_ROW + "/review").then().statusCode(200);
        for (String key : keys) {
            if (!key.equals(BACKUP_ROW)) {
                as("procurement", p.hospital()).body(Map.of("decision", "ACCEPTED"))
                        .post(base + "/items/" + key + "/review").then().statusCode(200);
            }
        }
        Response pending = as("procurement", p.hospital()).get(base);
        pending.then().body("sharedUnderstanding", is(false)).body("summary.NEEDS_INFORMATION", equalTo(1))
                .body("summary.ACCEPTED", equalTo(keys.size() - 1));
        assertThat(item(pending, BACKUP_ROW).path("reviewComment").asText()).contains("世代数");
        refused(p, id, "UNDER_ASSESSMENT", "disclosure-shared-understanding")
                .body("guards[0].rule", containsString("2省GL §3.2.1"));

        // The vendor answers again: the row waits for a new review, the hospital's question still beside it.
        Response again = as("vendor", p.vendor()).body(Map.of("statement", "7世代、うち1世代はオフライン保管"))
                .put(base + "/items/" + BACKUP_ROW);
        again.then().statusCode(200);
        assertThat(item(again, BACKUP_ROW).path("status").asText()).isEqualTo("ANSWERED");
        assertThat(item(again, BACKUP_ROW).path("reviewDecision").asText()).isEqualTo("NEEDS_INFORMATION");
        String contractEtag = as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .body("disclosureSharedUnderstanding", is(false)).extract().header("ETag");
        as("procurement", p.hospital()).body(Map.of("decision", "ACCEPTED"))
                .post(base + "/items/" + BACKUP_ROW + "/review").then().statusCode(200)
                .body("sharedUnderstanding", is(true)).body("sharedUnderstandingAt", not(nullValue()));
        // The contract shows it, under a new ETag (a cached copy is not revalidated as unchanged).
        as("procurement", p.hospital()).header("If-None-Match", contractEtag).get("/api/v1/contracts/" + id).then()
                .statusCode(200).body("disclosureSharedUnderstanding", is(true))
                .header("ETag", not(equalTo(contractEtag)));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "disclosure.shared-understanding-reached"),
                e -> e.size() == 1);
        JsonNode reached = events(id, "disclosure.shared-understanding-reached").get(0).path("data");
        assertThat(reached.path("rows").asInt()).isEqualTo(keys.size());
        assertThat(reached.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        move(p, id, "UNDER_ASSESSMENT").then().statusCode(200);
        // The responsibility split is agreed, so that the refusals below name the disclosure guards only.
        Fixtures.agreeOnResponsibilitySplit(p, id);

        // A new answer during the assessment reopens the row: AGREED needs the verdict and the understanding.
        as("vendor", p.vendor()).body(Map.of("statement", "組織体制を更新しました")).put(base + "/items/" + STRUCTURE_ROW)
                .then().statusCode(200).body("sharedUnderstanding", is(false));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + id).then()
                .body("disclosureSharedUnderstanding", is(false));
        refused(p, id, "AGREED", "pre-contract-verdict", "disclosure-shared-understanding");
        kafka.produceStrings().fromRecords(new ProducerRecord<>("assessment.events", id.toString(),
                Fixtures.assessmentResult("org.sansho.assessment.completed.v1", p, id, "PRE_CONTRACT", "ACCEPTABLE",
                        0, "2025-03-01T00:00:00Z"))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                refused(p, id, "AGREED", "disclosure-shared-understanding"));
        as("procurement", p.hospital()).body(Map.of("decision", "ACCEPTED"))
                .post(base + "/items/" + STRUCTURE_ROW + "/review").then().statusCode(200);
        move(p, id, "AGREED").then().statusCode(200).body("disclosureSharedUnderstanding", is(true));
        await().atMost(Duration.ofSeconds(30)).until(() -> events(id, "disclosure.shared-understanding-reached"),
                e -> e.size() == 2);

        // After the agreement the package is the record of what was agreed on.
        as("vendor", p.vendor()).body(Map.of("statement", "変更")).put(base + "/items/" + STRUCTURE_ROW)
                .then().statusCode(409).body("type", equalTo("https://sansho.dev/problems/disclosure-closed"));
        as("procurement", p.hospital()).body(Map.of("decision", "NEEDS_INFORMATION", "comment", "再確認"))
                .post(base + "/items/" + STRUCTURE_ROW + "/review").then().statusCode(409);

        // Every answer and review is in the contract's audit trail, for both sides.
        List<String> actions = audit(p.vendor(), id);
        assertThat(actions).contains("disclosure.started", "disclosure.answered", "disclosure.reviewed");
        assertThat(actions.stream().filter("disclosure.reviewed"::equals).count()).isEqualTo(keys.size() + 2);
    }

    @Test
    void the_vendor_starts_another_package_by_copying_its_answers_which_the_new_hospital_reviews_anew() {
        Fixtures.Parties p = Fixtures.parties();
        UUID first = Fixtures.openContract(p);
        List<String> keys = Fixtures.shareUnderstanding(p, first);
        UUID second = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + second + "/disclosure";

        Response copied = as("vendor", p.vendor()).body(Map.of("copyFrom", first.toString())).post(base + "/copy");
        copied.then().statusCode(201).header("Location", containsString(base))
                .body("copiedFrom", equalTo(first.toString())).body("sharedUnderstanding", is(false))
                .body("items.status", everyItem(equalTo("ANSWERED")))
                .body("summary.ANSWERED", equalTo(keys.size()));
        assertThat(item(copied, LOCATION_ROW).path("statement").asText()).isEqualTo("回答: " + LOCATION_ROW);
        assertThat(item(copied, LOCATION_ROW).path("reviewDecision").isNull()).isTrue();

        // Copied, not shared: a change on one side leaves the other as it was.
        as("vendor", p.vendor()).body(Map.of("statement", "新しい契約向けの回答")).put(base + "/items/" + LOCATION_ROW)
                .then().statusCode(200);
        Response source = as("procurement", p.hospital()).get("/api/v1/contracts/" + first + "/disclosure");
        source.then().body("sharedUnderstanding", is(true));
        assertThat(item(source, LOCATION_ROW).path("statement").asText()).isEqualTo("回答: " + LOCATION_ROW);

        // A package with answers is not started again by a copy.
        as("vendor", p.vendor()).body(Map.of("copyFrom", first.toString())).post(base + "/copy")
                .then().statusCode(409).body("type", equalTo("https://sansho.dev/problems/disclosure-already-answered"));
        assertThat(audit(p.hospital(), second)).contains("disclosure.copied");
    }

    @Test
    void bad_input_is_refused_with_a_clear_problem_and_changes_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID id = Fixtures.openContract(p);
        UUID empty = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + id + "/disclosure";
        long auditRows = new AuditTable(dataSource).count();

        // An unknown row is a 422 that names it; the package does not start.
        as("vendor", p.vendor()).body(Map.of("statement", "x")).put(base + "/items/no-such-row")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/unknown-disclosure-row"))
                .body("detail", containsString("no-such-row"));
        as("procurement", p.hospital()).body(Map.of("decision", "ACCEPTED")).post(base + "/items/no-such-row/review")
                .then().statusCode(422).body("detail", containsString("no-such-row"));
        // Invalid bodies.
        as("vendor", p.vendor()).body(Map.of("statement", " ")).put(base + "/items/" + LOCATION_ROW)
                .then().statusCode(400).contentType("application/problem+json");
        as("vendor", p.vendor()).body(Map.of("statement", "x", "evidence", List.of(Map.of("title", "t",
                        "uri", "javascript:alert(1)")))).put(base + "/items/" + LOCATION_ROW)
                .then().statusCode(400).body("errors.field", hasItem("evidence[0].uri"));
        as("vendor", p.vendor()).body(Map.of("statement", "x", "evidence", List.of(Map.of("uri", "https://a.example"))))
                .put(base + "/items/" + LOCATION_ROW).then().statusCode(400);
        // Reviews of a row without an answer, or without saying what is missing.
        as("procurement", p.hospital()).body(Map.of("decision", "ACCEPTED")).post(base + "/items/" + LOCATION_ROW
                + "/review").then().statusCode(409)
                .body("type", equalTo("https://sansho.dev/problems/disclosure-row-not-answered"));
        as("procurement", p.hospital()).body(Map.of("decision", "NEEDS_INFORMATION"))
                .post(base + "/items/" + LOCATION_ROW + "/review").then().statusCode(400)
                .body("errors.field", hasItem("comment"));
        as("procurement", p.hospital()).body(Map.of("decision", "MAYBE"))
                .post(base + "/items/" + LOCATION_ROW + "/review").then().statusCode(400);
        // Copies from nothing, from itself, from no contract of the vendor.
        as("vendor", p.vendor()).body(Map.of()).post(base + "/copy").then().statusCode(400);
        as("vendor", p.vendor()).body(Map.of("copyFrom", id.toString())).post(base + "/copy").then().statusCode(400)
                .body("errors.field", hasItem("copyFrom"));
        as("vendor", p.vendor()).body(Map.of("copyFrom", UUID.randomUUID().toString())).post(base + "/copy")
                .then().statusCode(400).body("errors.field", hasItem("copyFrom"));
        as("vendor", p.vendor()).body(Map.of("copyFrom", empty.toString())).post(base + "/copy")
                .then().statusCode(400).body("detail", containsString("no answer"));
        // The wrong side: the hospital does not answer, the vendor does not review; others do not see it at all.
        as("procurement", p.hospital()).body(Map.of("statement", "x")).put(base + "/items/" + LOCATION_ROW)
                .then().statusCode(403);
        as("vendor", p.vendor()).body(Map.of("decision", "ACCEPTED")).post(base + "/items/" + LOCATION_ROW
                + "/review").then().statusCode(403);
        as("vendor", UUID.randomUUID()).body(Map.of("statement", "x")).put(base + "/items/" + LOCATION_ROW)
                .then().statusCode(404);
        as("procurement", UUID.randomUUID()).body(Map.of("decision", "ACCEPTED"))
                .post(base + "/items/" + LOCATION_ROW + "/review").then().statusCode(404);
        as("vendor", p.vendor()).body(Map.of("statement", "x"))
                .put("/api/v1/contracts/" + UUID.randomUUID() + "/disclosure/items/" + LOCATION_ROW)
                .then().statusCode(404);

        as("procurement", p.hospital()).get(base).then().statusCode(200).body("started", is(false))
                .body("items.status", everyItem(equalTo("OPEN")));
        assertThat(new AuditTable(dataSource).count()).isEqualTo(auditRows);

        // A stale If-Match is refused and changes nothing either.
        String etag = as("vendor", p.vendor()).body(Map.of("statement", "東京")).put(base + "/items/" + LOCATION_ROW)
                .then().statusCode(200).extract().header("ETag");
        as("vendor", p.vendor()).header("If-Match", "\"0\"").body(Map.of("statement", "大阪"))
                .put(base + "/items/" + LOCATION_ROW).then().statusCode(412);
        as("procurement", p.hospital()).header("If-Match", "\"0\"").body(Map.of("decision", "ACCEPTED"))
                .post(base + "/items/" + LOCATION_ROW + "/review").then().statusCode(412);
        Response now = as("vendor", p.vendor()).get(base);
        now.then().header("ETag", equalTo(etag));
        assertThat(item(now, LOCATION_ROW).path("statement").asText()).isEqualTo("東京");
        as("vendor", p.vendor()).header("If-Match", etag).body(Map.of("statement", "大阪"))
                .put(base + "/items/" + LOCATION_ROW).then().statusCode(200);
    }

    private static Response move(Fixtures.Parties p, UUID id, String to) {
        return as("procurement", p.hospital()).body(Map.of("to", to)).post("/api/v1/contracts/" + id + "/transitions");
    }

    private static io.restassured.response.ValidatableResponse refused(Fixtures.Parties p, UUID id, String to,
                                                                       String... guards) {
        return move(p, id, to).then().statusCode(409)
                .body("type", equalTo("https://sansho.dev/problems/transition-refused"))
                .body("guards.guard", org.hamcrest.Matchers.containsInAnyOrder((Object[]) guards));
    }

    private static JsonNode item(Response package_, String key) {
        try {
            for (JsonNode item : JSON.readTree(package_.asString()).path("items")) {
                if (item.path("key").asText().equals(key)) {
                    return item;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no row " + key + " in " + package_.asString());
    }

    private static List<JsonNode> events(UUID contract, String typeSuffix) {
        return TopicRecords.forKey("contract.events", contract.toString()).stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> e.path("type").asText().endsWith(typeSuffix + ".v1")).toList();
    }

    private List<String> audit(java.util.UUID organization, UUID contract) {
        new AuditTable(dataSource).awaitSealed();
        return as("auditor", organization).queryParam("entityType", "contract")
                .queryParam("entityId", contract.toString()).queryParam("size", "100").get("/api/v1/audit")
                .then().statusCode(200).extract().path("items.action");
    }
}
