package org.sansho.contract.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 contract rows in one CSV file, imported once and then again (every row unchanged). Opt-in
 * ({@code -Dsansho.bulk-volume=true}): it prints the rows per second and takes a while on a busy machine; the
 * benchmark's import stage measures the same on the packaged service.
 */
@QuarkusTest
class BulkImportVolumeTest {

    @Test
    void ten_thousand_contract_rows_import_in_one_transaction_and_a_second_run_changes_none() {
        Assumptions.assumeTrue(Boolean.getBoolean("sansho.bulk-volume"), "opt-in: -Dsansho.bulk-volume=true");
        Fixtures.standardBaselines();
        BulkImportTest.World w = BulkImportTest.World.fresh();
        BulkImportTest.importWorkbook(w.hospital(), false, BulkImportTest.workbook(Map.of("組織", w.organizations(),
                "サービス", w.services()))).then().statusCode(200);
        int rows = 10_000;
        StringBuilder csv = new StringBuilder("externalReference,vendorCorporateNumber,serviceName,title,baseline,"
                + "dataCategories,startDate,endDate,autoRenewal,hospitalNoticeDays,vendorNoticeDays,dataRegion\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("VOL-").append(i).append(',').append(w.vendorNumber()).append(",クラウド電子カルテ,契約 ")
                    .append(i).append(',').append(BulkImportTest.BASELINE).append(",OTHER_PERSONAL_HEALTH_INFO,")
                    .append("2026-04-01,2029-03-31,true,90,180,JP-East\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Response first = slowImport(w.hospital(), file);
        double seconds = (System.nanoTime() - start) / 1e9;
        first.then().statusCode(200);
        assertThat(BulkImportTest.counts(first, "contracts")).containsExactly(rows, rows, 0, 0);
        start = System.nanoTime();
        Response second = slowImport(w.hospital(), file);
        double again = (System.nanoTime() - start) / 1e9;
        assertThat(BulkImportTest.counts(second, "contracts")).containsExactly(rows, 0, 0, rows);
        System.out.printf("bulk import: %,d contract rows in %.1f s (%.0f rows/s); again, all unchanged, in %.1f s "
                + "(%.0f rows/s)%n", rows, seconds, rows / seconds, again, rows / again);
        assertThat(seconds).as("well under a minute was the goal; ten is a failure").isLessThan(600);
    }

    /** The import with a read timeout of 10 minutes instead of the tests' 30 s. */
    private static Response slowImport(UUID hospital, byte[] csv) {
        RestAssuredConfig slow = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 600_000).setParam("http.connection.timeout", 60_000));
        return BulkImportTest.procurement(hospital).config(slow).contentType("text/csv").body(csv)
                .post("/api/v1/imports?kind=contracts");
    }
}
