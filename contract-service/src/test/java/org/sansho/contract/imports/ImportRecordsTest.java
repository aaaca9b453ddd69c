package org.sansho.contract.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.AuditTable;
import org.sansho.testsupport.TestTokens;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import of more rows than one flush, one audit statement and one JDBC batch hold: every contract it opens has its
 * {@code contract.opened} audit record and its {@code contract.created} outbox event, the records seal into a chain
 * that verifies, and a failing import leaves none of them.
 */
@QuarkusTest
class ImportRecordsTest {

    private static final int ROWS = 450;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void baselines() {
        Fixtures.standardBaselines();
    }

    @Test
    void every_imported_contract_has_its_audit_record_and_its_event() throws SQLException {
        BulkImportTest.World w = BulkImportTest.World.fresh();
        BulkImportTest.importWorkbook(w.hospital(), false, BulkImportTest.workbook(Map.of("組織", w.organizations(),
                "サービス", w.services()))).then().statusCode(200);

        Response report = BulkImportTest.procurement(w.hospital()).contentType("text/csv").body(csv(w, ROWS, false))
                .post("/api/v1/imports?kind=contracts");
        report.then().statusCode(200);
        assertThat(BulkImportTest.counts(report, "contracts")).containsExactly(ROWS, ROWS, 0, 0);

        List<String> contracts = strings("select cast(id as text) from contract where hospital_id = ?",
                w.hospital().toString());
        assertThat(contracts).hasSize(ROWS);
        assertThat(strings("select entity_id from audit_record where action = 'contract.opened' "
                + "and entity_id in (select cast(id as text) from contract where hospital_id = ?)",
                w.hospital().toString())).containsExactlyInAnyOrderElementsOf(contracts);
        assertThat(strings("select aggregateid from outbox_event where type = 'org.sansho.contract.created.v1' "
                + "and aggregateid in (select cast(id as text) from contract where hospital_id = ?)",
                w.hospital().toString())).containsExactlyInAnyOrderElementsOf(contracts);

        new AuditTable(dataSource).awaitSealed();
        given().auth().oauth2(TestTokens.token("auditor", w.hospital())).get("/api/v1/audit/verify").then()
                .statusCode(200).body("verified", org.hamcrest.Matchers.is(true));
    }

    @Test
    void an_import_refused_on_its_last_row_leaves_no_contract_record_or_event() throws SQLException {
        BulkImportTest.World w = BulkImportTest.World.fresh();
        BulkImportTest.importWorkbook(w.hospital(), false, BulkImportTest.workbook(Map.of("組織", w.organizations(),
                "サービス", w.services()))).then().statusCode(200);
        long records = new AuditTable(dataSource).count();

        BulkImportTest.procurement(w.hospital()).contentType("text/csv").body(csv(w, ROWS, true))
                .post("/api/v1/imports?kind=contracts").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.containsString("[" + (ROWS + 1) + "]")));

        assertThat(strings("select cast(id as text) from contract where hospital_id = ?", w.hospital().toString()))
                .isEmpty();
        assertThat(new AuditTable(dataSource).count()).isEqualTo(records);
    }

    /** {@code rows} contract rows of the world's vendor and service; the last with an end before its start if asked. */
    private static byte[] csv(BulkImportTest.World w, int rows, boolean lastBroken) {
        String prefix = "REC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        StringBuilder csv = new StringBuilder("externalReference,vendorCorporateNumber,serviceName,title,baseline,"
                + "dataCategories,startDate,endDate,autoRenewal,hospitalNoticeDays,vendorNoticeDays,dataRegion\n");
        for (int i = 1; i <= rows; i++) {
            String end = lastBroken && i == rows ? "2025-03-31" : "2029-03-31";
            csv.append(prefix).append(i).append(',').append(w.vendorNumber()).append(",クラウド電子カルテ,契約 ")
                    .append(i).append(',').append(BulkImportTest.BASELINE).append(",OTHER_PERSONAL_HEALTH_INFO,")
                    .append("2026-04-01,").append(end).append(",true,90,180,JP-East\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> strings(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(parameter));
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }
}
