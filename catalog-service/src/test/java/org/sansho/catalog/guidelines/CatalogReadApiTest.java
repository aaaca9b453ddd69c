package org.sansho.catalog.guidelines;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sansho.catalog.content.CatalogContent;
import org.sansho.catalog.content.CatalogContentReader;
import org.sansho.catalog.content.CatalogContentValidator;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.Verification;
import org.sansho.catalog.content.CatalogSeedLoader;
import org.sansho.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CatalogReadApiTest {

    private static final String MHLW6 = "mhlw-medical-information-security/6.0";
    private static final String VENDOR11 = "meti-mic-medical-service-provider/1.1";
    private static final String VENDOR20 = "meti-mic-medical-service-provider/2.0";

    private static final String SAAS_PRE_CONTRACT = """
            {"baseline":[{"guidelineId":"meti-mic-medical-service-provider","version":"1.1"}],
             "phases":["PRE_CONTRACT"], "parties":["VENDOR","SHARED"], "serviceModel":"SAAS",
             "dataCategories":["OTHER_PERSONAL_HEALTH_INFO"]}""";

    @Inject
    EntityManager em;

    @Inject
    CatalogSeedLoader loader;

    /** The content files as shipped: counts are taken from them, so that the content can grow under the tests. */
    private static final CatalogContent CONTENT = new CatalogContentReader().read();

    private static List<Requirement> shipped(String version) {
        return CONTENT.versionFiles().get(version).requirements();
    }

    private static String reader() {
        return TestTokens.token("procurement", UUID.randomUUID());
    }

    @Test
    void the_seed_lineage_and_content_are_loaded() {
        given().auth().oauth2(reader()).get("/api/v1/guidelines/mhlw-medical-information-security")
                .then().statusCode(200)
                .body("issuer", equalTo("MHLW"))
                .body("versions.version", equalTo(List.of("5", "5.1", "5.2", "6.0")))
                .body("versions.find { it.version == '6.0' }.status", equalTo("PUBLISHED"))
                .body("versions.find { it.version == '6.0' }.supersedes[0].version", equalTo("5.2"))
                .body("versions.find { it.version == '5.2' }.supersededBy[0].version", equalTo("6.0"));
        // The unified vendor guideline 1.0 superseded two guidelines of two ministries.
        given().auth().oauth2(reader()).get("/api/v1/guidelines/meti-mic-medical-service-provider/versions")
                .then().statusCode(200)
                .body("items.find { it.version == '1.0' }.supersedes.guidelineId",
                        hasItems("meti-medical-data-processor", "mic-cloud-medical"))
                .body("items.find { it.version == '2.0' }.status", equalTo("PUBLISHED"));
        // Other tests of this run may add guidelines of their own; the five shipped ones are all there.
        given().auth().oauth2(reader()).queryParam("size", 100).get("/api/v1/guidelines").then().statusCode(200)
                .body("items.id", hasItems("mhlw-medical-information-security", "meti-medical-data-processor",
                        "mic-asp-saas-medical", "mic-cloud-medical", "meti-mic-medical-service-provider"));

        given().auth().oauth2(reader()).get("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0")
                .then().statusCode(200)
                .body("requirementCount", equalTo(shipped(MHLW6).size()))
                .body("verifiedCount", equalTo((int) shipped(MHLW6).stream().filter(Requirement::verified).count()))
                .body("verification.total", equalTo(shipped(MHLW6).size()))
                .body("verification.verified", equalTo((int) shipped(MHLW6).stream()
                        .filter(r -> r.verification() == Verification.VERIFIED).count()))
                .body("verification.draftChecked", equalTo((int) shipped(MHLW6).stream()
                        .filter(r -> r.verification() == Verification.DRAFT_CHECKED).count()))
                .body("verification.unverified", equalTo((int) shipped(MHLW6).stream()
                        .filter(r -> r.verification() == Verification.UNVERIFIED).count()))
                .body("sections.number", hasItem("SYS-3"));
        long shippedRequirements = CONTENT.versionFiles().values().stream().mapToLong(f -> f.requirements().size()).sum();
        assertThat(count("select count(*) from requirement r join guideline_version v on v.id = r.version_id "
                + "where v.guideline_id not like 'test-%' and v.status <> 'DRAFT'")).isEqualTo(shippedRequirements);
        assertThat(count("select count(*) from requirement_threat")).isPositive();
        assertThat(count("select count(*) from requirement_mapping where defined_in is null"))
                .isEqualTo(CONTENT.mappings().size());
        assertThat(count("select count(*) from disclosure_template_item"))
                .isEqualTo(CONTENT.templates().stream().mapToLong(t -> t.items().size()).sum());
    }

    @Test
    void loading_the_content_again_changes_nothing() {
        long requirements = count("select count(*) from requirement");
        long versions = count("select count(*) from guideline_version");
        long mappings = count("select count(*) from requirement_mapping");

        loader.load(CatalogContentValidator.readValid());

        assertThat(count("select count(*) from requirement")).isEqualTo(requirements);
        assertThat(count("select count(*) from guideline_version")).isEqualTo(versions);
        assertThat(count("select count(*) from requirement_mapping")).isEqualTo(mappings);
    }

    @Test
    void a_saas_pre_contract_checklist_holds_exactly_the_vendor_and_shared_pre_contract_requirements() {
        for (String role : List.of("procurement", "vendor", "auditor")) {
            given().auth().oauth2(TestTokens.token(role, UUID.randomUUID())).contentType(ContentType.JSON)
                    .body(SAAS_PRE_CONTRACT).post("/api/v1/applicability").then().statusCode(200);
        }
        var response = given().auth().oauth2(TestTokens.token("service")).contentType(ContentType.JSON)
                .body(SAAS_PRE_CONTRACT).post("/api/v1/applicability")
                .then().statusCode(200);
        int total = response.extract().path("total");
        response.body("requirements.size()", equalTo(total))
                .body("requirements.phases", everyItem(hasItem("PRE_CONTRACT")))
                .body("requirements.status", everyItem(equalTo("ACTIVE")))
                .body("requirements.findAll { !it.serviceModels.isEmpty() }.serviceModels", everyItem(hasItem("SAAS")))
                .body("requirements.findAll { it.verification != 'VERIFIED' }.unverifiedReason", everyItem(notNullValue()))
                .body("requirements.citation", everyItem(notNullValue()));
        given().auth().oauth2(TestTokens.token("service")).contentType(ContentType.JSON)
                .body(SAAS_PRE_CONTRACT).post("/api/v1/applicability")
                .then().statusCode(200)
                .body("baseline[0].guidelineId", equalTo("meti-mic-medical-service-provider"))
                .body("requirements.key", hasItems("VGL-4.1-1", "VGL-3.2-2", "VGL-2.2-1", "VGL-4.4-1"))
                // a subcontractor's duty, a termination duty, an operation-only duty: not in this checklist
                .body("requirements.key", not(hasItem("VGL-2.1-1")))
                .body("requirements.key", not(hasItem("VGL-3.2-9")))
                .body("requirements.key", not(hasItem("VGL-APX2-2")))
                .body("requirements.party", everyItem(org.hamcrest.Matchers.oneOf("VENDOR", "SHARED")))
                .body("requirements.find { it.key == 'VGL-4.1-1' }.citation.section", notNullValue())
                .body("requirements.find { it.key == 'VGL-4.1-1' }.title.ja", notNullValue())
                .body("requirements.find { it.key == 'VGL-4.1-1' }.summary.en", notNullValue())
                .body("requirements.find { it.key == 'VGL-4.1-1' }.verified", notNullValue());
    }

    @Test
    void a_contract_on_vendor_guideline_2_0_gets_the_requirements_carried_forward_from_1_1_marked_unverified() {
        // The assessment-service builds a contract's assessment from this checklist: a 2.0 baseline must not be empty.
        String vendorPreContract = """
                {"baseline":[{"guidelineId":"meti-mic-medical-service-provider","version":"%s"}],
                 "phases":["PRE_CONTRACT"], "parties":["VENDOR"]}""";
        List<String> keys20 = given().auth().oauth2(TestTokens.token("service")).contentType(ContentType.JSON)
                .body(vendorPreContract.formatted("2.0")).post("/api/v1/applicability")
                .then().statusCode(200)
                .body("baseline[0].version", equalTo("2.0"))
                .body("requirements.version", everyItem(equalTo("2.0")))
                .body("requirements.party", everyItem(equalTo("VENDOR")))
                .body("requirements.phases", everyItem(hasItem("PRE_CONTRACT")))
                .body("requirements.verification", everyItem(equalTo("UNVERIFIED")))
                .body("requirements.unverifiedReason",
                        everyItem(equalTo("carried forward from 1.1; 2.0 text not yet checked")))
                .extract().path("requirements.key");
        List<String> keys11 = given().auth().oauth2(TestTokens.token("service")).contentType(ContentType.JSON)
                .body(vendorPreContract.formatted("1.1")).post("/api/v1/applicability")
                .then().statusCode(200).extract().path("requirements.key");

        assertThat(keys20).isNotEmpty().contains("VGL-4.1-1", "VGL-4.4-1").containsExactlyElementsOf(keys11);
        // the version view says how much of 2.0 is verified: nothing yet
        given().auth().oauth2(reader()).get("/api/v1/guidelines/meti-mic-medical-service-provider/versions/2.0")
                .then().statusCode(200)
                .body("requirementCount", equalTo(shipped(VENDOR20).size()))
                .body("verification.total", equalTo(shipped(VENDOR20).size()))
                .body("verification.verified", equalTo(0))
                .body("verification.unverified", equalTo(shipped(VENDOR20).size()));
    }

    @Test
    void a_client_that_takes_gzip_gets_the_same_checklist_gzip_encoded() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpRequest> request = encoding -> {
            var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                    + "/api/v1/applicability"))
                    .header("Authorization", "Bearer " + reader()).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(SAAS_PRE_CONTRACT));
            if (encoding != null) {
                builder.header("Accept-Encoding", encoding);
            }
            return builder.build();
        };
        var plain = http.send(request.apply(null), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        for (int i = 0; i < 2; i++) { // made once, then kept
            var gzipped = http.send(request.apply("br, gzip"), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gzipped.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v)
                    .containsIgnoringCase("Accept-Encoding"));
            assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                assertThat(in.readAllBytes()).isEqualTo(plain.body());
            }
        }
    }

    @Test
    void service_model_and_data_category_narrow_the_checklist_but_empty_lists_apply_to_all() {
        String outsourced = SAAS_PRE_CONTRACT.replace("\"SAAS\"", "\"OUTSOURCED_OPERATION\"");
        given().auth().oauth2(reader()).contentType(ContentType.JSON).body(outsourced)
                .post("/api/v1/applicability").then().statusCode(200)
                .body("requirements.key", not(hasItem("VGL-2.2-2")))   // SaaS/PaaS/IaaS only
                .body("requirements.key", hasItem("VGL-2.2-1"));      // no service models: applies to all
        String operation = """
                {"baseline":[{"guidelineId":"meti-mic-medical-service-provider","version":"1.1"}],
                 "phases":["OPERATION"], "dataCategories":[%s]}""";
        given().auth().oauth2(reader()).contentType(ContentType.JSON)
                .body(operation.formatted("\"OTHER_PERSONAL_HEALTH_INFO\"")).post("/api/v1/applicability")
                .then().statusCode(200).body("requirements.key", not(hasItem("VGL-6-1")));
        given().auth().oauth2(reader()).contentType(ContentType.JSON)
                .body(operation.formatted("\"LEGAL_RETENTION_RECORDS\"")).post("/api/v1/applicability")
                .then().statusCode(200).body("requirements.key", hasItem("VGL-6-1"));
    }

    @Test
    void the_checklist_is_also_served_as_csv() {
        String csv = given().auth().oauth2(reader()).contentType(ContentType.JSON).accept("text/csv")
                .body(SAAS_PRE_CONTRACT).post("/api/v1/applicability")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        int total = given().auth().oauth2(reader()).contentType(ContentType.JSON).body(SAAS_PRE_CONTRACT)
                .post("/api/v1/applicability").then().statusCode(200).extract().path("total");
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).contains("guidelineId,version,key");
        assertThat(lines).hasSize(1 + total);
        assertThat(csv).contains("VGL-4.1-1").doesNotContain("VGL-3.2-9");
    }

    @Test
    void the_successor_version_lists_the_seeded_supersessions_from_the_5_2_keys_it_replaced() {
        var mappings = given().auth().oauth2(TestTokens.token("service"))
                .queryParam("relation", "SUPERSEDED_BY,EQUIVALENT")
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0/mappings")
                .then().statusCode(200).header("ETag", notNullValue())
                .body("version.version", equalTo("6.0"))
                .extract().jsonPath();
        List<String> relations = mappings.getList("mappings.relation");
        assertThat(relations).isNotEmpty().allMatch(r -> r.equals("SUPERSEDED_BY") || r.equals("EQUIVALENT"));
        List<Map<String, Object>> superseding = mappings.getList("mappings");
        // 5.2 items 6.2-C1 and 6.2-C2 both continue in 6.0 MGT-6-2 (a many-to-one succession).
        assertThat(superseding).filteredOn(m -> "MHLW6-MGT-6-2".equals(m.get("to"))
                        && "SUPERSEDED_BY".equals(m.get("relation")))
                .extracting(m -> m.get("from")).contains("MHLW5-6.2-C1", "MHLW5-6.2-C2");
        long seeded = CONTENT.mappings().stream().filter(m -> m.relation().name().equals("SUPERSEDED_BY")
                && m.from().startsWith("MHLW5-") && m.to().startsWith("MHLW6-")).count();
        assertThat(superseding.stream().filter(m -> "SUPERSEDED_BY".equals(m.get("relation"))
                && String.valueOf(m.get("from")).startsWith("MHLW5-")).count()).isEqualTo(seeded);
        // Without a filter every relation comes; an unknown relation is a 400 naming the parameter.
        List<String> all = given().auth().oauth2(reader())
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0/mappings")
                .then().statusCode(200).extract().jsonPath().getList("mappings.relation");
        assertThat(all.size()).isGreaterThanOrEqualTo(relations.size());
        given().auth().oauth2(reader()).queryParam("relation", "REPLACES")
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0/mappings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("relation"));
        given().auth().oauth2(reader())
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/9.9/mappings")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_unknown_baseline_version_is_a_404_problem_and_an_unknown_value_a_400_naming_the_field() {
        given().auth().oauth2(reader()).contentType(ContentType.JSON)
                .body(SAAS_PRE_CONTRACT.replace("\"1.1\"", "\"9.9\"")).post("/api/v1/applicability")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(reader()).contentType(ContentType.JSON)
                .body(SAAS_PRE_CONTRACT.replace("\"SAAS\"", "\"MAINFRAME\"")).post("/api/v1/applicability")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("serviceModel"));
        given().auth().oauth2(reader()).contentType(ContentType.JSON)
                .body("{\"baseline\":[]}").post("/api/v1/applicability")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("baseline"));
        given().auth().oauth2(reader())
                .get("/api/v1/guidelines/meti-mic-medical-service-provider/versions/1.1/requirements?phase=SOMEDAY")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("phase"));
    }

    @Test
    void requirements_are_filtered_by_phase_party_category_obligation_service_model_and_text() {
        String base = "/api/v1/guidelines/meti-mic-medical-service-provider/versions/1.1/requirements";
        given().auth().oauth2(reader())
                .get(base + "?phase=TERMINATION,POST_TERMINATION&category=DISPOSAL&size=100")
                .then().statusCode(200)
                .body("items.key", hasItems("VGL-3.2-9", "VGL-3.2-10"))
                .body("items.category", everyItem(equalTo("DISPOSAL")));
        given().auth().oauth2(reader()).get(base + "?party=SUBCONTRACTOR").then().statusCode(200)
                .body("items.key", hasItem("VGL-2.1-1")).body("items.party", everyItem(equalTo("SUBCONTRACTOR")));
        given().auth().oauth2(reader()).get(base + "?obligation=RECOMMENDED&size=100").then().statusCode(200)
                .body("items.obligation", everyItem(equalTo("RECOMMENDED")))
                .body("items.key", hasItem("VGL-4.3-2"));
        given().auth().oauth2(reader()).get(base + "?serviceModel=OUTSOURCED_OPERATION&size=100").then()
                .statusCode(200).body("items.key", not(hasItem("VGL-APX2-2")));
        given().auth().oauth2(reader()).get(base + "?size=5&page=1").then().statusCode(200)
                .body("items.size()", equalTo(5)).body("totalItems", equalTo(shipped(VENDOR11).size()))
                .body("totalPages", equalTo((shipped(VENDOR11).size() + 4) / 5));
        given().auth().oauth2(reader()).get(base + "?size=500").then().statusCode(400)
                .contentType("application/problem+json");
        // text search works in both languages
        String key = given().auth().oauth2(reader()).get(base + "?q=VGL-4.1-1").then().statusCode(200)
                .extract().path("items[0].key");
        assertThat(key).isEqualTo("VGL-4.1-1");
        given().auth().oauth2(reader()).queryParam("q", "バックアップ").get(base).then().statusCode(200)
                .body("items.key", hasItem("VGL-4.1-3"));
        given().auth().oauth2(reader()).queryParam("q", "backup").get(base).then().statusCode(200)
                .body("items.key", hasItem("VGL-4.1-3"));
    }

    @Test
    void a_requirement_is_found_by_key_with_its_mappings_and_a_published_version_is_cacheable() {
        given().auth().oauth2(reader()).get("/api/v1/requirements/MHLW5-6.2-C4").then().statusCode(200)
                .body("requirement.version", equalTo("5.2"))
                .body("mappings.to", hasItem("MHLW6-SYS-2-2"));
        given().auth().oauth2(reader()).get("/api/v1/requirements/MHLW6-SYS-2-2?version=6.0").then().statusCode(200)
                .body("requirement.guidelineId", equalTo("mhlw-medical-information-security"))
                .body("mappings.from", hasItem("MHLW5-6.2-C4"));
        given().auth().oauth2(reader()).get("/api/v1/requirements/NO-SUCH-KEY").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(reader()).get("/api/v1/requirements/MHLW6-SYS-2-2?version=5.2").then().statusCode(404);

        String path = "/api/v1/guidelines/mhlw-medical-information-security/versions/6.0";
        var first = given().auth().oauth2(reader()).get(path).then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).extract();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().auth().oauth2(reader()).header("If-None-Match", etag).get(path).then().statusCode(304);
        given().auth().oauth2(reader()).header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
    }

    @Test
    void a_diff_lists_added_removed_and_changed_keys() {
        given().auth().oauth2(reader())
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0/diff?against=5.2")
                .then().statusCode(200)
                .body("addedKeys", hasItem("MHLW6-SYS-2-2"))
                .body("removedKeys", hasItem("MHLW5-6.2-C4"))
                .body("addedKeys.size()", equalTo(shipped(MHLW6).size()))
                .body("changedKeys.size()", equalTo(0));
        given().auth().oauth2(reader())
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0/diff")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_unauthenticated_caller_is_refused() {
        given().get("/api/v1/guidelines").then().statusCode(401);
    }

    private long count(String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
