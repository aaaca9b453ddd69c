package org.sansho.contract.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

@QuarkusTest
class BulkImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String BASELINE = "mhlw-medical-information-security@6.0;meti-mic-medical-service-provider@2.0";

    @BeforeAll
    static void baselines() {
        Fixtures.standardBaselines();
    }

    /** A hospital's world as sheets: the hospital, a vendor, its service and two contracts. */
    record World(UUID hospital, String hospitalNumber, String vendorNumber, String ref1, String ref2) {
        static World fresh() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            return new World(UUID.randomUUID(), Fixtures.corporateNumber(), Fixtures.corporateNumber(),
                    "K-" + suffix + "-1", "K-" + suffix + "-2");
        }

        List<List<String>> organizations() {
            return List.of(List.of("法人番号", "種別", "名称", "英語名称"),
                    List.of(hospitalNumber, "医療機関", "さくら病院", "Sakura Hospital"),
                    List.of(vendorNumber, "VENDOR", "メディクラウド株式会社", ""));
        }

        List<List<String>> services() {
            return List.of(List.of("事業者法人番号", "サービス名", "サービス形態", "データ保存場所"),
                    List.of(vendorNumber, "クラウド電子カルテ", "SAAS", "JP:Tokyo:domestic;JP:Osaka:国内"));
        }

        List<List<String>> contracts(String title) {
            return List.of(List.of("外部参照番号", "事業者法人番号", "サービス名", "契約名", "ベースライン", "情報の区分",
                            "開始日", "終了日", "自動更新", "医療機関の解約予告日数", "事業者の解約予告日数", "稼働率",
                            "目標復旧時間", "データリージョン"),
                    List.of(ref1, vendorNumber, "クラウド電子カルテ", title, BASELINE,
                            "LEGAL_RETENTION_RECORDS;OTHER_PERSONAL_HEALTH_INFO", "2025-04-01", "2028-03-31", "はい",
                            "90", "180", "99.5", "24", "JP-East"),
                    List.of(ref2, vendorNumber, "クラウド電子カルテ", "保守契約", BASELINE, "ANONYMIZED", "2025/4/1",
                            "2027/3/31", "false", "30", "60", "", "", ""));
        }

        byte[] workbook(String contractTitle) {
            return BulkImportTest.workbook(Map.of("組織", organizations(), "サービス", services(),
                    "契約", contracts(contractTitle)));
        }
    }

    static RequestSpecification procurement(UUID org) {
        return RestAssured.given().auth().oauth2(TestTokens.token("procurement", org));
    }

    static Response importCsv(UUID org, String kind, boolean dryRun, byte[] csv) {
        return procurement(org).contentType("text/csv").body(csv)
                .post("/api/v1/imports?kind=" + kind + "&dryRun=" + dryRun);
    }

    static Response importWorkbook(UUID org, boolean dryRun, byte[] xlsx) {
        return procurement(org).contentType(XLSX).body(xlsx).post("/api/v1/imports?dryRun=" + dryRun);
    }

    static byte[] csv(List<List<String>> rows) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows) {
            s.append(String.join(",", row.stream().map(c -> c.contains(",") || c.contains(";")
                    ? "\"" + c + "\"" : c).toList())).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    static byte[] workbook(Map<String, List<List<String>>> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : List.of("組織", "サービス", "契約")) {
                if (!sheets.containsKey(name)) {
                    continue;
                }
                Sheet sheet = wb.createSheet(name);
                List<List<String>> rows = sheets.get(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The counts of the report for a kind: rows, created, updated, unchanged. */
    static List<Integer> counts(Response report, String kind) {
        return List.of(report.path("counts.find { it.kind == '" + kind + "' }.rows"),
                report.path("counts.find { it.kind == '" + kind + "' }.created"),
                report.path("counts.find { it.kind == '" + kind + "' }.updated"),
                report.path("counts.find { it.kind == '" + kind + "' }.unchanged"));
    }

    static List<String> contractTitles(UUID hospital) {
        return as("procurement", hospital).get("/api/v1/contracts?size=100").then().statusCode(200)
                .extract().path("items.title");
    }

    @Test
    void a_dry_run_reports_what_the_import_would_do_and_writes_nothing() {
        World w = World.fresh();
        Response report = importWorkbook(w.hospital(), true, w.workbook("電子カルテ利用契約"));
        report.then().statusCode(200).body("dryRun", is(true)).body("valid", is(true));
        assertThat(counts(report, "organizations")).containsExactly(2, 2, 0, 0);
        assertThat(counts(report, "services")).containsExactly(1, 1, 0, 0);
        assertThat(counts(report, "contracts")).containsExactly(2, 2, 0, 0);

        as("procurement", w.hospital()).get("/api/v1/organizations/" + w.hospital()).then().statusCode(404);
        as("procurement", w.hospital()).get("/api/v1/organizations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        assertThat(contractTitles(w.hospital())).isEmpty();
    }

    @Test
    void a_workbook_imports_everything_and_a_second_run_of_the_same_file_changes_nothing() {
        World w = World.fresh();
        byte[] file = w.workbook("電子カルテ利用契約");
        Response first = importWorkbook(w.hospital(), false, file);
        first.then().statusCode(200).body("dryRun", is(false)).body("valid", is(true));
        assertThat(counts(first, "organizations")).containsExactly(2, 2, 0, 0);
        assertThat(counts(first, "contracts")).containsExactly(2, 2, 0, 0);
        assertThat(contractTitles(w.hospital())).containsExactlyInAnyOrder("電子カルテ利用契約", "保守契約");
        as("procurement", w.hospital()).get("/api/v1/organizations/" + w.hospital()).then().statusCode(200)
                .body("nameEn", equalTo("Sakura Hospital"));

        Response second = importWorkbook(w.hospital(), false, file);
        second.then().statusCode(200).body("valid", is(true));
        assertThat(counts(second, "organizations")).containsExactly(2, 0, 0, 2);
        assertThat(counts(second, "services")).containsExactly(1, 0, 0, 1);
        assertThat(counts(second, "contracts")).containsExactly(2, 0, 0, 2);
        assertThat(contractTitles(w.hospital())).hasSize(2);

        // A changed title amends the contract through the PATCH rules: one row updated, the other unchanged.
        Response third = importWorkbook(w.hospital(), false, w.workbook("電子カルテ利用契約 (改)"));
        assertThat(counts(third, "contracts")).containsExactly(2, 0, 1, 1);
        assertThat(contractTitles(w.hospital())).containsExactlyInAnyOrder("電子カルテ利用契約 (改)", "保守契約");
    }

    @Test
    void a_bad_row_is_a_422_naming_row_and_column_and_nothing_is_written() {
        World w = World.fresh();
        List<List<String>> rows = new ArrayList<>(w.organizations());
        // A 法人番号 with a wrong check digit on row 4 (row 1 is the header).
        rows.add(List.of("1000012050002", "VENDOR", "誤り株式会社", ""));
        Response refused = importCsv(w.hospital(), "organizations", false, csv(rows));
        refused.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://sansho.dev/problems/import-refused"))
                .body("errors.field", hasItem("organizations[4].corporateNumber"))
                .body("extensions.report.valid", is(false))
                .body("extensions.report.problems[0].row", equalTo(4))
                .body("extensions.report.problems[0].column", equalTo("corporateNumber"));
        // The two good rows before it were not kept.
        as("procurement", w.hospital()).get("/api/v1/organizations/" + w.hospital()).then().statusCode(404);

        // The same file as a dry run: 200 with the same problem, nothing written either.
        importCsv(w.hospital(), "organizations", true, csv(rows)).then().statusCode(200)
                .body("valid", is(false)).body("problems[0].row", equalTo(4));
        as("procurement", w.hospital()).get("/api/v1/organizations/" + w.hospital()).then().statusCode(404);
    }

    @Test
    void a_row_breaking_a_rule_of_the_single_record_api_is_reported_with_its_column() {
        World w = World.fresh();
        importWorkbook(w.hospital(), false, BulkImportTest.workbook(Map.of("組織", w.organizations(),
                "サービス", w.services()))).then().statusCode(200);
        List<List<String>> contracts = new ArrayList<>(w.contracts("契約"));
        // An unpublished baseline version and an end before the start, on rows 2 and 3.
        contracts.set(1, replace(contracts.get(1), 4, "mhlw-medical-information-security@99.0"));
        contracts.set(2, replace(contracts.get(2), 7, "2024/3/31"));
        Response refused = importCsv(w.hospital(), "contracts", false, csv(contracts));
        refused.then().statusCode(422)
                .body("errors.field", hasItem("contracts[2].baseline"))
                .body("errors.field", hasItem("contracts[3].endDate"));
        assertThat(contractTitles(w.hospital())).isEmpty();
    }

    @Test
    void a_csv_with_bom_and_japanese_headers_is_read() {
        World w = World.fresh();
        Response report = importCsv(w.hospital(), "組織", false, withBom(csv(w.organizations())));
        report.then().statusCode(200);
        assertThat(counts(report, "organizations")).containsExactly(2, 2, 0, 0);
        as("procurement", w.hospital()).get("/api/v1/organizations/" + w.hospital()).then().statusCode(200)
                .body("nameJa", equalTo("さくら病院")).body("kind", equalTo("HOSPITAL"));
        // English headers (any case) for the same rows: unchanged.
        List<List<String>> english = new ArrayList<>(w.organizations());
        english.set(0, List.of("CorporateNumber", "kind", "name_ja", "nameEn"));
        Response again = importCsv(w.hospital(), "organizations", false, csv(english));
        assertThat(counts(again, "organizations")).containsExactly(2, 0, 0, 2);
    }

    @Test
    void an_exported_csv_and_workbook_import_back_unchanged() throws IOException {
        World w = World.fresh();
        importWorkbook(w.hospital(), false, w.workbook("電子カルテ利用契約")).then().statusCode(200);
        // A contract opened through the API, without an external reference: the export's id finds it again.
        UUID vendor = UUID.fromString(as("procurement", w.hospital()).get("/api/v1/organizations?kind=VENDOR")
                .then().statusCode(200).extract().path("items[0].id"));
        UUID service = UUID.fromString(as("procurement", w.hospital()).get("/api/v1/organizations/" + vendor
                + "/services").then().statusCode(200).extract().path("items[0].id"));
        Fixtures.openContract(new Fixtures.Parties(w.hospital(), vendor, service));

        for (String kind : List.of("organizations", "services", "contracts")) {
            byte[] exported = procurement(w.hospital()).header("Accept-Language", "ja-JP,ja;q=0.9")
                    .get("/api/v1/exports/" + kind).then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
            assertThat(exported[0]).isEqualTo((byte) 0xEF);
            Response back = importCsv(w.hospital(), kind, false, exported);
            back.then().statusCode(200).body("valid", is(true));
            int rows = kind.equals("contracts") ? 3 : kind.equals("services") ? 1 : 2;
            assertThat(counts(back, kind)).as(kind + ": " + new String(exported, StandardCharsets.UTF_8) + " → "
                    + back.asString()).containsExactly(rows, 0, 0, rows);
        }

        byte[] xlsx = procurement(w.hospital()).get("/api/v1/exports?lang=en").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(wb.getSheetAt(0).getSheetName(), wb.getSheetAt(1).getSheetName(),
                    wb.getSheetAt(2).getSheetName())).containsExactly("organizations", "services", "contracts");
            XSSFSheet contracts = wb.getSheet("contracts");
            assertThat(contracts.getRow(0).getCell(0).getStringCellValue()).isEqualTo("externalReference");
            assertThat(((XSSFCellStyle) contracts.getRow(0).getCell(0).getCellStyle()).getFont().getBold()).isTrue();
            PaneInformation pane = contracts.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(contracts.getLastRowNum()).isEqualTo(3);
            List<String> refs = new ArrayList<>();
            for (int r = 1; r <= 3; r++) {
                refs.add(contracts.getRow(r).getCell(0) == null ? "" : contracts.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(refs).contains(w.ref1(), w.ref2());
        }
        Response back = importWorkbook(w.hospital(), false, xlsx);
        back.then().statusCode(200).body("valid", is(true));
        assertThat(counts(back, "organizations")).containsExactly(2, 0, 0, 2);
        assertThat(counts(back, "services")).containsExactly(1, 0, 0, 1);
        assertThat(counts(back, "contracts")).containsExactly(3, 0, 0, 3);

        byte[] japanese = procurement(w.hospital()).get("/api/v1/exports?lang=ja").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(japanese))) {
            assertThat(wb.getSheet("契約").getRow(0).getCell(0).getStringCellValue()).isEqualTo("外部参照番号");
        }
    }

    @Test
    void another_organizations_rows_are_neither_exported_nor_imported_into() {
        World w = World.fresh();
        importWorkbook(w.hospital(), false, w.workbook("電子カルテ利用契約")).then().statusCode(200);
        String contractId = as("procurement", w.hospital()).get("/api/v1/contracts").then().statusCode(200)
                .extract().path("items[0].id");

        UUID stranger = UUID.randomUUID();
        for (String kind : List.of("organizations", "services", "contracts")) {
            String exported = procurement(stranger).get("/api/v1/exports/" + kind).then().statusCode(200)
                    .extract().asString();
            assertThat(exported).doesNotContain(w.vendorNumber()).doesNotContain(w.hospitalNumber())
                    .doesNotContain(w.ref1()).doesNotContain(contractId);
            assertThat(exported.lines().count()).as(kind).isEqualTo(1);
        }
        // The stranger names the other hospital's contract by its id: refused like a contract that does not exist.
        List<List<String>> rows = new ArrayList<>(w.contracts("乗っ取り"));
        List<String> header = new ArrayList<>(rows.get(0));
        header.add("契約ID");
        List<String> row = new ArrayList<>(rows.get(1));
        row.add(contractId);
        importCsv(stranger, "contracts", false, csv(List.of(header, row))).then().statusCode(422)
                .body("extensions.report.problems.column", hasItem("vendorCorporateNumber"));
        assertThat(contractTitles(w.hospital())).doesNotContain("乗っ取り");
        // The hospital's own vendor sees the contracts as their vendor, without the hospital's reference.
        String vendorId = as("procurement", w.hospital()).get("/api/v1/organizations?kind=VENDOR").then()
                .extract().path("items[0].id");
        String asVendor = RestAssured.given().auth().oauth2(TestTokens.token("vendor", UUID.fromString(vendorId)))
                .get("/api/v1/exports/contracts").then().statusCode(200).extract().asString();
        assertThat(asVendor).contains(contractId).doesNotContain(w.ref1());
    }

    @Test
    void a_retried_import_with_the_same_idempotency_key_answers_the_first_report() {
        World w = World.fresh();
        byte[] file = csv(w.organizations());
        Response first = procurement(w.hospital()).contentType("text/csv").header("Idempotency-Key", "bulk-1")
                .body(file).post("/api/v1/imports?kind=organizations");
        first.then().statusCode(200);
        Response retry = procurement(w.hospital()).contentType("text/csv").header("Idempotency-Key", "bulk-1")
                .body(file).post("/api/v1/imports?kind=organizations");
        retry.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(counts(retry, "organizations")).containsExactly(2, 2, 0, 0);
        // The same key with another file is refused.
        procurement(w.hospital()).contentType("text/csv").header("Idempotency-Key", "bulk-1")
                .body(csv(w.services())).post("/api/v1/imports?kind=organizations").then().statusCode(422);
    }

    @Test
    void unreadable_files_are_a_400_problem_and_write_nothing() {
        World w = World.fresh();
        UUID h = w.hospital();
        importCsv(h, "organizations", false, new byte[0]).then().statusCode(400)
                .contentType("application/problem+json");
        importCsv(h, "organizations", false, new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'}).then()
                .statusCode(400).contentType("application/problem+json");
        importCsv(h, "organizations", false, "名称,unknown\nx,y\n".getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(400).body("errors.field", hasItem("organizations[1]"))
                .body("errors.field", hasItem("organizations[1].corporateNumber"));
        procurement(h).contentType("text/csv").body(csv(w.organizations())).post("/api/v1/imports").then()
                .statusCode(400).body("errors.field", hasItem("kind"));
        importWorkbook(h, false, csv(w.organizations())).then().statusCode(400)
                .contentType("application/problem+json");
        importWorkbook(h, false, BulkImportTest.workbook(Map.of())).then().statusCode(400);
        // A file saved as Shift_JIS.
        byte[] sjis = "法人番号,種別,名称\n".concat(w.hospitalNumber()).concat(",医療機関,さくら病院\n")
                .getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        importCsv(h, "organizations", false, sjis).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("UTF-8"));
        as("procurement", h).get("/api/v1/organizations/" + h).then().statusCode(404);
        // Only procurement imports.
        RestAssured.given().auth().oauth2(TestTokens.token("vendor", h)).contentType("text/csv")
                .body(csv(w.organizations())).post("/api/v1/imports?kind=organizations").then().statusCode(403);
    }

    private static List<String> replace(List<String> row, int index, String value) {
        List<String> copy = new ArrayList<>(row);
        copy.set(index, value);
        return copy;
    }
}
