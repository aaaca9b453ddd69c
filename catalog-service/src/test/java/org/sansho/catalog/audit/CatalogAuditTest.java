package org.sansho.catalog.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.AuditTable;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Catalog changes are audited as public records that every organization's auditors read. */
@QuarkusTest
class CatalogAuditTest {

    @Inject
    DataSource dataSource;

    @Test
    void creating_a_guideline_and_a_draft_each_write_one_public_record_by_the_catalog_admin() {
        String guideline = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        long before = table().count();
        create(guideline).then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"version\":\"1\"}")
                .post("/api/v1/guidelines/" + guideline + "/versions").then().statusCode(201);

        assertThat(table().count()).isEqualTo(before + 2);
        List<Map<String, Object>> created = records(UUID.randomUUID(), "guideline", guideline);
        assertThat(created).hasSize(1);
        assertThat(created.get(0)).containsEntry("action", "guideline.created")
                .containsEntry("organizations", List.of()).containsEntry("beforeDigest", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = (Map<String, Object>) created.get(0).get("actor");
        assertThat(actor).containsEntry("subject", "user-catalog-admin").containsEntry("roles",
                List.of("catalog-admin"));
        assertThat(records(UUID.randomUUID(), "guideline-version", guideline + "/1"))
                .extracting(r -> r.get("action")).containsExactly("guideline-version.draft-created");
    }

    @Test
    void a_refused_change_writes_no_record() {
        String guideline = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        create(guideline).then().statusCode(201);
        long before = table().count();

        create(guideline).then().statusCode(409);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"version\":\"1\",\"copyFromCurrent\":true}")
                .post("/api/v1/guidelines/" + guideline + "/versions").then().statusCode(409);

        assertThat(table().count()).isEqualTo(before);
    }

    @Test
    void altering_an_audit_row_in_the_database_makes_verify_report_exactly_that_row() {
        String guideline = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        create(guideline).then().statusCode(201);
        Map<String, Object> row = records(UUID.randomUUID(), "guideline", guideline).get(0);
        long seq = ((Number) row.get("seq")).longValue();

        table().tamper("update audit_record set action = 'guideline.deleted' where seq = " + seq);
        try {
            Response verify = given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID()))
                    .get("/api/v1/audit/verify");
            verify.then().statusCode(200);
            assertThat(verify.<Boolean>path("verified")).isFalse();
            assertThat(verify.<Number>path("firstBrokenSeq").longValue()).isEqualTo(seq);
            assertThat(verify.<String>path("firstBrokenId")).isEqualTo(row.get("id"));
        } finally {
            table().tamper("update audit_record set action = 'guideline.created' where seq = " + seq);
        }
        given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID())).get("/api/v1/audit/verify").then()
                .statusCode(200).body("verified", org.hamcrest.Matchers.is(true));
    }

    private static String admin() {
        return TestTokens.token("catalog-admin");
    }

    private static Response create(String guideline) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"issuer\":\"MHLW\",\"audience\":\"VENDOR\",\"title\":{\"ja\":\"試験\",\"en\":\"Test\"}}"
                        .formatted(guideline))
                .post("/api/v1/guidelines");
    }

    private List<Map<String, Object>> records(UUID auditorOrganization, String entityType, String entityId) {
        table().awaitSealed();
        return given().auth().oauth2(TestTokens.token("auditor", auditorOrganization))
                .queryParam("entityType", entityType).queryParam("entityId", entityId).get("/api/v1/audit")
                .then().statusCode(200).extract().path("items");
    }

    private AuditTable table() {
        return new AuditTable(dataSource);
    }
}
