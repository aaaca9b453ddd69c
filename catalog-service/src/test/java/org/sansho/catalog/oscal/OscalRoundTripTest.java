package org.sansho.catalog.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.catalog.guidelines.domain.VerificationCoverage;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.domain.VersionStatus;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.catalog.oscal.domain.OscalCatalogSchema;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.service.CatalogReader;
import org.sansho.testsupport.TestTokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OscalRoundTripTest {

    private static final String MHLW = "/api/v1/guidelines/mhlw-medical-information-security/versions/";

    @Inject
    CatalogReader reader;

    @Test
    void the_oscal_export_of_mhlw_6_0_imports_back_to_an_equal_draft() {
        String oscal = given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID()))
                .get(MHLW + "6.0/oscal").then().statusCode(200)
                .body("catalog.metadata.oscal-version", equalTo("1.1.2"))
                .body("catalog.metadata.version", equalTo("6.0"))
                .body("catalog.metadata.props.find { it.name == 'verification-coverage' }.value",
                        equalTo(VerificationCoverage.of(reader.version("mhlw-medical-information-security", "6.0")
                                .requirements()).ratio()))
                .body("catalog.groups.size()", equalTo(reader.version("mhlw-medical-information-security", "6.0")
                        .sections().size()))
                .body("catalog.groups.find { it.props.find { p -> p.name == 'section-number' && p.value == 'SYS-3' } }"
                        + ".controls.id", hasItem("MHLW6-SYS-3-1"))
                .body("catalog.groups.findAll { it.controls }.controls.flatten().find { it.id == 'MHLW6-SYS-3-1' }.props.name",
                        hasItem("phase"))
                .body("catalog.back-matter.resources.size()", org.hamcrest.Matchers.greaterThan(120))
                .extract().asString();

        String label = "6.0-rt" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(TestTokens.token("catalog-admin")).contentType(ContentType.JSON).body(oscal)
                .queryParam("version", label)
                .post("/api/v1/imports/oscal").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(label))
                .body("source.shape", equalTo("SANSHO")).body("defaults.size()", equalTo(0))
                .body("guidelineCreated", equalTo(false))
                .body("unmapped.element", containsInAnyOrder("metadata published", "metadata last-modified"));

        VersionContent original = reader.version("mhlw-medical-information-security", "6.0");
        VersionContent imported = reader.version("mhlw-medical-information-security", label);
        assertThat(imported.sections()).isEqualTo(original.sections());
        assertThat(imported.requirements()).isNotEmpty().isEqualTo(original.requirements());
        assertThat(imported.mappings()).containsExactlyInAnyOrderElementsOf(original.mappings());
    }

    @Test
    void every_published_version_exports_a_catalog_valid_by_the_official_oscal_1_1_schema() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (VersionRef v : QuarkusTransaction.requiringNew().call(() -> GuidelineVersionEntity
                .<GuidelineVersionEntity>list("status <> ?1", VersionStatus.DRAFT).stream()
                .map(e -> new VersionRef(e.guidelineId, e.label)).toList())) {
            JsonNode exported = json.readTree(given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID()))
                    .get("/api/v1/guidelines/" + v.guidelineId() + "/versions/" + v.version() + "/oscal")
                    .then().statusCode(200).extract().asString());
            assertThat(OscalCatalogSchema.official().problems(exported)).as(v.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void an_unreadable_catalog_or_a_reader_is_refused() {
        given().auth().oauth2(TestTokens.token("catalog-admin")).contentType(ContentType.JSON)
                .body("{\"catalog\":{\"metadata\":{\"version\":\"9\"},\"groups\":[{\"id\":\"g\",\"controls\":[]}]}}")
                .queryParam("guidelineId", "mhlw-medical-information-security")
                .post("/api/v1/imports/oscal").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("catalog-admin")).contentType(ContentType.JSON).body("[1,2]")
                .post("/api/v1/imports/oscal").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("vendor", UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"catalog\":{}}").post("/api/v1/imports/oscal").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("catalog-admin"))
                .get("/api/v1/guidelines/mhlw-medical-information-security/versions/5.2/oscal")
                .then().statusCode(200);
    }
}
