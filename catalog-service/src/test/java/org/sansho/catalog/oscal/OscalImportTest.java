package org.sansho.catalog.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.Verification;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.catalog.oscal.domain.OscalCatalogSchema;
import org.sansho.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A catalog of another publisher (our own test catalog of every foreign shape, src/test/resources/oscal) through the
 * API against real PostgreSQL: the draft, its guideline, the report kept, the export back, the dry run and every
 * refusal leaving the catalog as it was.
 */
@QuarkusTest
class OscalImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = "/api/v1/imports/oscal";

    @Inject
    CatalogReader reader;

    @Inject
    EntityManager em;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String guideline = "ext-" + suffix;

    /** The test catalog with every control id prefixed, so that each test's keys are its own. */
    private ObjectNode catalog() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/oscal/foreign-catalog.json")) {
            ObjectNode doc = (ObjectNode) JSON.readTree(in);
            prefixControls(doc.path("catalog"), "t" + suffix + "-");
            return doc;
        }
    }

    private static void prefixControls(JsonNode node, String prefix) {
        for (JsonNode control : node.path("controls")) {
            ((ObjectNode) control).put("id", prefix + control.path("id").asText());
            prefixControls(control, prefix);
        }
        node.path("groups").forEach(g -> prefixControls(g, prefix));
    }

    private static ValidatableResponse post(Object body, Map<String, ?> query) {
        return given().auth().oauth2(TestTokens.token("catalog-admin")).contentType(ContentType.JSON)
                .queryParams(query).body(body).post(IMPORTS).then();
    }

    @Test
    void a_foreign_catalog_becomes_a_draft_of_a_new_guideline_and_its_report_is_answered_and_kept() throws IOException {
        String key = "t" + suffix + "-gov-1";
        String report = post(catalog(), Map.of("guidelineId", guideline)).statusCode(201)
                .header("Location", containsString("/api/v1/guidelines/" + guideline + "/versions/2.1"))
                .body("guidelineId", equalTo(guideline)).body("version", equalTo("2.1"))
                .body("status", equalTo("DRAFT")).body("dryRun", equalTo(false))
                .body("guidelineCreated", equalTo(true))
                .body("source.publisher", equalTo("Example Standards Body")).body("source.shape", equalTo("FOREIGN"))
                .body("counts.sectionsCreated", equalTo(5)).body("counts.requirementsCreated", equalTo(7))
                .body("defaults.find { it.field == 'title.ja' }.count", equalTo(7))
                .body("defaults.find { it.field == 'category' }.value", equalTo("GOVERNANCE"))
                .body("params.unresolvedUses.param", hasItem("no-such-param"))
                .body("unmappedTotal", equalTo(18))
                .body("unmapped.find { it.element == 'control part assessment-objective' }.paths",
                        hasItem("catalog.groups[gov].controls[" + key + "].parts[2]"))
                .extract().asString();

        given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID()))
                .get(IMPORTS + "/" + guideline + "/2.1").then().statusCode(200)
                .body("counts.requirementsCreated", equalTo(7)).body("unmappedTotal", equalTo(18));
        assertThat(JSON.readTree(given().auth().oauth2(TestTokens.token("catalog-admin"))
                .get(IMPORTS + "/" + guideline + "/2.1").asString())).isEqualTo(JSON.readTree(report));
        given().auth().oauth2(TestTokens.token("procurement", UUID.randomUUID()))
                .get("/api/v1/guidelines/" + guideline).then().statusCode(200)
                .body("issuer", equalTo("OTHER")).body("title.en", equalTo("Example Control Catalog"))
                .body("versions[0].status", equalTo("DRAFT"))
                .body("versions[0].sourceTitle", equalTo("Example Control Catalog"))
                .body("versions[0].notes.en", containsString("Example Standards Body"));

        VersionContent draft = reader.version(guideline, "2.1");
        assertThat(draft.sections()).extracting(s -> s.number()).containsExactly("catalog", "gov", "g2", "g2.1",
                "ops-sub");
        Requirement policy = draft.requirements().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        assertThat(policy.summary().en()).startsWith(
                "Develop a policy and share it with [Assignment: organization-defined personnel]:");
        assertThat(policy.verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(policy.citation().section()).isEqualTo(key);
        assertThat(policy.guidance()).hasSize(1);
    }

    @Test
    void the_import_exports_back_to_a_valid_oscal_catalog_with_the_same_control_ids_and_titles_and_reimports_equal()
            throws IOException {
        ObjectNode original = catalog();
        post(original, Map.of("guidelineId", guideline)).statusCode(201);

        JsonNode exported = JSON.readTree(given().auth().oauth2(TestTokens.token("vendor", UUID.randomUUID()))
                .get("/api/v1/guidelines/" + guideline + "/versions/2.1/oscal").then().statusCode(200)
                .extract().asString());

        assertThat(OscalCatalogSchema.official().problems(exported)).isEmpty();
        assertThat(controls(exported)).isEqualTo(controls(original)).hasSize(7);
        post(exported, Map.of("version", "2.1-again")).statusCode(201)
                .body("source.shape", equalTo("SANSHO")).body("defaults.size()", equalTo(0))
                .body("guidelineCreated", equalTo(false));
        assertThat(reader.version(guideline, "2.1-again").requirements())
                .isEqualTo(reader.version(guideline, "2.1").requirements());
        assertThat(reader.version(guideline, "2.1-again").sections())
                .isEqualTo(reader.version(guideline, "2.1").sections());
    }

    @Test
    void the_defaults_given_fill_category_party_and_phases() throws IOException {
        post(catalog(), Map.of("guidelineId", guideline, "category", "TECHNICAL", "party", "VENDOR",
                "phase", "DEVELOPMENT,OPERATION")).statusCode(201)
                .body("defaults.find { it.field == 'party' }.value", equalTo("VENDOR"));

        assertThat(reader.version(guideline, "2.1").requirements()).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(Category.TECHNICAL);
            assertThat(r.party()).isEqualTo(Party.VENDOR);
            assertThat(r.phases()).containsExactly(GuidelinePhase.DEVELOPMENT, GuidelinePhase.OPERATION);
        });
    }

    @Test
    void a_dry_run_answers_the_report_and_writes_nothing() throws IOException {
        Map<String, Long> before = rows();

        post(catalog(), Map.of("guidelineId", guideline, "dryRun", "true")).statusCode(200)
                .body("dryRun", equalTo(true)).body("guidelineCreated", equalTo(true))
                .body("counts.requirementsCreated", equalTo(7)).body("unmappedTotal", equalTo(18));

        assertThat(rows()).isEqualTo(before);
        given().auth().oauth2(TestTokens.token("catalog-admin")).get("/api/v1/guidelines/" + guideline)
                .then().statusCode(404);
    }

    @Test
    void a_document_that_is_not_a_valid_oscal_catalog_is_refused_naming_its_first_violations() throws IOException {
        ObjectNode doc = catalog();
        ((ObjectNode) doc.path("catalog").path("metadata")).remove("title");
        ((ObjectNode) doc.path("catalog").path("groups").get(0)).put("colour", "blue");
        Map<String, Long> before = rows();

        post(doc, Map.of("guidelineId", guideline)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/invalid-oscal-catalog"))
                .body("detail", containsString("violation"))
                .body("errors.message", hasItem(containsString("title")))
                .body("errors.message", hasItem(containsString("colour")));
        post("{\"profile\":{\"uuid\":\"x\"}}", Map.of("guidelineId", guideline)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/invalid-oscal-catalog"));

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_foreign_catalog_without_a_guideline_or_with_a_version_label_we_cannot_use_is_refused() throws IOException {
        post(catalog(), Map.of()).statusCode(400).contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("guidelineId")));
        ObjectNode doc = catalog();
        ((ObjectNode) doc.path("catalog").path("metadata")).put("version", "5.1.1+u4");
        post(doc, Map.of("guidelineId", guideline)).statusCode(400)
                .body("errors.message", hasItem(containsString("give ?version=")));
        post(doc, Map.of("guidelineId", guideline, "version", "5.1.1-u4")).statusCode(201);
    }

    @Test
    void keys_another_guideline_holds_and_a_taken_version_label_are_refused_and_nothing_is_written()
            throws IOException {
        ObjectNode doc = catalog();
        post(doc, Map.of("guidelineId", guideline)).statusCode(201);
        Map<String, Long> before = rows();

        post(doc, Map.of("guidelineId", guideline + "-other")).statusCode(400)
                .body("errors.message", hasItem(containsString("key is used by guideline " + guideline)));
        post(doc, Map.of("guidelineId", guideline)).statusCode(409)
                .body("type", equalTo("https://sansho.dev/problems/version-exists"));
        post(doc, Map.of("guidelineId", guideline, "version", "3", "category", "WEATHER")).statusCode(400)
                .body("errors.field", hasItem("category"));

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void a_version_that_no_import_created_has_no_report() {
        given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID()))
                .get(IMPORTS + "/mhlw-medical-information-security/6.0").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The ids and titles of every control, enhancements included, in document order. */
    static Map<String, String> controls(JsonNode document) {
        Map<String, String> result = new LinkedHashMap<>();
        collect(document.path("catalog"), result);
        return result;
    }

    private static void collect(JsonNode node, Map<String, String> into) {
        for (JsonNode control : node.path("controls")) {
            into.put(control.path("id").asText(), control.path("title").asText());
            collect(control, into);
        }
        node.path("groups").forEach(g -> collect(g, into));
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("guideline", "guideline_version", "section", "requirement", "requirement_mapping",
                "oscal_import")) {
            counts.put(table, QuarkusTransaction.requiringNew().call(() ->
                    ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue()));
        }
        return counts;
    }
}
