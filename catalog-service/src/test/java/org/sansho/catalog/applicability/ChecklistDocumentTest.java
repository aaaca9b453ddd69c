package org.sansho.catalog.applicability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The applicability checklist as an XLSX workbook to fill in and as a printable HTML page. */
@QuarkusTest
class ChecklistDocumentTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADER_JA = List.of("キー", "ガイドライン", "章・節", "表題（日本語）",
            "表題（英語）", "要旨（日本語）", "要旨（英語）", "区分", "出典文書", "出典箇所", "出典頁", "原文確認", "回答");
    private static final List<String> HEADER_EN = List.of("key", "guideline", "part / chapter", "title (Japanese)",
            "title (English)", "summary (Japanese)", "summary (English)", "mandatory / recommended",
            "citation: document", "citation: section", "citation: page", "verification level", "answer");
    private static final String HOSTILE_TITLE = "<script>alert('x')</script> & \"quoted\"";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String guideline = "test-checklist-doc-" + suffix;
    /** Requirement keys are unique across the catalog. */
    private final String key1 = "CK-" + suffix + "-1";
    private final String key2 = "CK-" + suffix + "-2";

    /** A published guideline with a mandatory requirement whose English title is markup, and a recommended one. */
    private String published() {
        String base = "/api/v1/guidelines/" + guideline + "/versions";
        admin().body("{\"id\":\"" + guideline + "\",\"issuer\":\"MHLW\",\"audience\":\"VENDOR\","
                + "\"title\":{\"ja\":\"試験\",\"en\":\"Test\"}}").post("/api/v1/guidelines").then().statusCode(201);
        admin().body("{\"version\":\"1\"}").post(base).then().statusCode(201);
        admin().body("{\"title\":{\"ja\":\"章\",\"en\":\"Chapter\"}}").put(base + "/1/sections/2").then().statusCode(201);
        admin().body(requirement("本人確認を行う", HOSTILE_TITLE, "MANDATORY", 12)).put(base + "/1/requirements/" + key1)
                .then().statusCode(201);
        admin().body(requirement("ログを保管する", "Keep logs", "RECOMMENDED", 13)).put(base + "/1/requirements/" + key2)
                .then().statusCode(201);
        admin().body("{\"publishedOn\":\"2026-01-01\"}").post(base + "/1/publish").then().statusCode(200);
        return "{\"baseline\":[{\"guidelineId\":\"" + guideline + "\",\"version\":\"1\"}],\"phases\":[\"PRE_CONTRACT\"]}";
    }

    private static String requirement(String titleJa, String titleEn, String obligation, int page) {
        return """
                {"sectionNumber":"2","ref":"表2 ①","title":{"ja":"%s","en":%s},
                 "summary":{"ja":"要約","en":"Summary"},"obligation":"%s","category":"AGREEMENT",
                 "phases":["PRE_CONTRACT"],"party":"VENDOR","serviceModels":[],"dataCategories":[],
                 "threats":[],"evidence":[],
                 "citation":{"document":"Test guideline","version":"1","section":"2.1","page":%d},
                 "verification":"UNVERIFIED","unverifiedReason":"test content","status":"ACTIVE"}"""
                .formatted(titleJa, quoted(titleEn), obligation, page);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static RequestSpecification admin() {
        return RestAssured.given().auth().oauth2(TestTokens.token("catalog-admin")).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String role) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, UUID.randomUUID())).contentType(ContentType.JSON);
    }

    @Test
    void the_xlsx_checklist_has_a_styled_frozen_japanese_header_and_one_row_per_requirement() throws Exception {
        String request = published();
        byte[] bytes = as("procurement").accept(XLSX).queryParam("lang", "ja").body(request)
                .post("/api/v1/applicability").then().statusCode(200).contentType(startsWith(XLSX))
                .header("Content-Disposition", equalTo("attachment; filename=\"checklist-" + guideline + "-1.xlsx\""))
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = book.getSheet("チェックリスト");
            assertThat(sheet).isNotNull();
            assertThat(texts(sheet.getRow(0))).isEqualTo(HEADER_JA);
            CellStyle style = sheet.getRow(0).getCell(0).getCellStyle();
            assertThat(book.getFontAt(style.getFontIndex()).getBold()).isTrue();
            assertThat(style.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 0);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M3");

            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(texts(sheet.getRow(1))).containsExactly(key1, guideline + " 1", "2 (表2 ①)", "本人確認を行う",
                    HOSTILE_TITLE, "要約", "Summary", "必須", "Test guideline 1", "2.1", "12", "UNVERIFIED", "");
            assertThat(sheet.getRow(1).getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(texts(sheet.getRow(2)).subList(0, 8)).containsExactly(key2, guideline + " 1", "2 (表2 ①)",
                    "ログを保管する", "Keep logs", "要約", "Summary", "推奨");
        }
    }

    @Test
    void the_column_titles_follow_accept_language_and_default_to_english() throws Exception {
        String request = published();
        byte[] english = as("vendor").accept(XLSX).body(request).post("/api/v1/applicability").then().statusCode(200)
                .extract().asByteArray();
        byte[] japanese = as("vendor").accept(XLSX).header("Accept-Language", "ja-JP,ja;q=0.9").body(request)
                .post("/api/v1/applicability").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook en = new XSSFWorkbook(new ByteArrayInputStream(english));
             XSSFWorkbook ja = new XSSFWorkbook(new ByteArrayInputStream(japanese))) {
            assertThat(texts(en.getSheet("Checklist").getRow(0))).isEqualTo(HEADER_EN);
            assertThat(texts(en.getSheet("Checklist").getRow(1)).get(7)).isEqualTo("mandatory");
            assertThat(texts(ja.getSheet("チェックリスト").getRow(0))).isEqualTo(HEADER_JA);
        }
    }

    @Test
    void the_shipped_checklist_in_xlsx_has_as_many_rows_as_the_json_checklist() throws Exception {
        String saas = """
                {"baseline":[{"guidelineId":"meti-mic-medical-service-provider","version":"1.1"}],
                 "phases":["PRE_CONTRACT"], "parties":["VENDOR","SHARED"], "serviceModel":"SAAS",
                 "dataCategories":["OTHER_PERSONAL_HEALTH_INFO"]}""";
        int total = as("auditor").body(saas).post("/api/v1/applicability").then().statusCode(200).extract().path("total");
        byte[] bytes = as("auditor").accept(XLSX).body(saas).post("/api/v1/applicability").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(total);
            List<String> keys = new ArrayList<>();
            for (int r = 1; r <= total; r++) {
                keys.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(keys).contains("VGL-4.1-1").doesNotContain("VGL-3.2-9");
        }
    }

    @Test
    void the_printable_checklist_is_a_self_contained_page_with_escaped_text() throws Exception {
        String request = published();
        String html = as("procurement").accept("text/html").queryParam("lang", "en").body(request)
                .post("/api/v1/applicability").then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        // The page is well-formed markup: parsed as XML, it would fail on a stray tag from the content.
        org.w3c.dom.Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        Element root = page.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("html");
        assertThat(root.getAttribute("lang")).isEqualTo("en");
        assertThat(page.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Applicability checklist: " + guideline + " 1");
        assertThat(page.getElementsByTagName("style").item(0).getTextContent()).contains("@media print");
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(page.getElementsByTagName("link").getLength()).isZero();
        assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>");

        NodeList headers = page.getElementsByTagName("th");
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < headers.getLength(); i++) {
            Element th = (Element) headers.item(i);
            assertThat(th.getAttribute("scope")).isEqualTo("col");
            columns.add(th.getTextContent());
        }
        assertThat(columns).isEqualTo(HEADER_EN);
        NodeList rows = ((Element) page.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(2);
        NodeList first = ((Element) rows.item(0)).getElementsByTagName("td");
        assertThat(first.item(0).getTextContent()).isEqualTo(key1);
        assertThat(first.item(4).getTextContent()).isEqualTo(HOSTILE_TITLE);
        assertThat(first.item(7).getTextContent()).isEqualTo("mandatory");
        assertThat(first.item(10).getTextContent()).isEqualTo("12");
        assertThat(first.item(12).getTextContent()).isEmpty();
    }

    @Test
    void a_client_that_accepts_every_documented_form_gets_json() {
        // What a client generated from the OpenAPI document sends: every media type of the 200 response.
        String request = published();
        as("procurement").accept("application/json, text/csv, " + XLSX + ", text/html, application/problem+json")
                .body(request).post("/api/v1/applicability").then().statusCode(200)
                .contentType(startsWith("application/json")).body("total", equalTo(2));
    }

    @Test
    void an_accept_the_checklist_has_no_form_for_is_406_problem_json() {
        String request = published();
        as("procurement").accept("application/pdf").body(request).post("/api/v1/applicability").then()
                .statusCode(406).contentType(startsWith("application/problem+json")).body("status", equalTo(406));
    }

    @Test
    void bad_input_is_refused_in_every_form() {
        String request = published();
        for (String accept : List.of(XLSX, "text/html")) {
            as("procurement").accept(accept).queryParam("lang", "fr").body(request).post("/api/v1/applicability")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
            as("procurement").accept(accept).body("{\"baseline\":[{\"guidelineId\":\"" + guideline
                            + "\",\"version\":\"99\"}]}").post("/api/v1/applicability")
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            as("procurement").accept(accept).body("{\"baseline\":[]}").post("/api/v1/applicability")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
            as("procurement").accept(accept).body("{\"baseline\":").post("/api/v1/applicability")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
            RestAssured.given().contentType(ContentType.JSON).accept(accept).body(request)
                    .post("/api/v1/applicability").then().statusCode(401);
        }
    }

    private static List<String> texts(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : format.formatCellValue(cell));
        }
        return out;
    }
}
