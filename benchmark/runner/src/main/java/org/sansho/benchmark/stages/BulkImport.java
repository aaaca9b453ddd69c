package org.sansho.benchmark.stages;

import org.sansho.benchmark.suite.Suite;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One hospital imports 10,000 contract rows in one CSV file through the contract-service's bulk import
 * ({@code POST /api/v1/imports?kind=contracts}): every row opened through the same rules as {@code POST /contracts},
 * all in one transaction. Reports the time and the rows per second (the goal: well under a minute).
 */
public final class BulkImport implements Stage {

    static final int ROWS = 10_000;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public void run(Run run) throws Exception {
        run.awaitQuiet("the earlier stages");
        Suite suite = run.suite();
        Suite.Parties p = suite.parties("一括取込");
        String token = suite.token("procurement", p.hospital());
        String vendorNumber = suite.send(Suite.request(suite.contract, "/api/v1/organizations/" + p.vendor(), token)
                .build(), 200).path("corporateNumber").asText();
        byte[] csv = contracts(vendorNumber, ROWS);
        run.progress("Bulk import: %,d contract rows in one CSV file (%,d KiB)", ROWS, csv.length / 1024);
        HttpRequest request = Suite.request(suite.contract, "/api/v1/imports?kind=contracts", token)
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        long start = System.nanoTime();
        var report = suite.send(request, 200);
        double seconds = (System.nanoTime() - start) / 1e9;
        int created = report.path("counts").path(0).path("created").asInt();
        if (created != ROWS) {
            throw new IllegalStateException("the bulk import created " + created + " of " + ROWS + " contracts");
        }
        run.report().fact("bulk import, " + String.format("%,d", ROWS) + " contract rows (CSV, one transaction)",
                String.format("%.1f s, %.0f rows/s", seconds, ROWS / seconds));
        run.progress("Bulk import: %,d rows in %.1f s (%.0f rows/s)", ROWS, seconds, ROWS / seconds);
    }

    /** The CSV file: the columns of the import's contracts sheet, one row per contract with its own reference. */
    static byte[] contracts(String vendorNumber, int rows) {
        StringBuilder csv = new StringBuilder("externalReference,vendorCorporateNumber,serviceName,title,baseline,"
                + "dataCategories,startDate,endDate,autoRenewal,hospitalNoticeDays,vendorNoticeDays,"
                + "availabilityPercent,rtoHours,rpoHours,incidentNotificationHours,dataRegion\r\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("BENCH-").append(i).append(',').append(vendorNumber).append(",クラウド型電子カルテ,")
                    .append("電子カルテ クラウドサービス利用契約 ").append(i)
                    .append(",mhlw-medical-information-security@6.0;meti-mic-medical-service-provider@2.0,")
                    .append("OTHER_PERSONAL_HEALTH_INFO,2026-04-01,2029-03-31,true,90,180,99.5,24,24,1,JP-East\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
