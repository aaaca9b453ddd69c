package org.sansho.assessment.assessments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.EvidenceRef;
import org.sansho.assessment.assessments.domain.ResponseStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.platform.security.Roles;
import org.sansho.platform.tenancy.Tenancy;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;
import static org.sansho.assessment.assessments.domain.Obligation.RECOMMENDED;

/**
 * The report as a document for the records: an XLSX workbook (summary, items, findings) and a printable HTML page
 * with the same tables, both showing only what the caller may see.
 */
@QuarkusTest
class AssessmentReportDocumentTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String GUIDELINE = "document-report-test-guideline";
    private static final String HOSTILE_TITLE = "<script>alert('x')</script> Requirement G-1";
    private static final String APPROVER = "Dr. Tanaka, CISO";
    private static final String JUSTIFICATION = "isolated network segment until the upgrade";
    private static final String CONTRACT_TITLE = "電子カルテ SaaS 契約";

    @Inject
    EntityManager em;

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final LocalDate due = LocalDate.now().plusDays(30);
    private final LocalDate expiry = LocalDate.now().plusDays(90);

    /**
     * A completed assessment of a named contract: G-1 (title with markup, evidence given) and G-2 (answered by both
     * sides, its risk accepted) are mandatory gaps with a finding each, R-1 is met.
     */
    private UUID completed() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.UNDER_REVIEW,
                List.of(new VersionRef(GUIDELINE, "1")),
                List.of(new Fixtures.Req("G-1", MANDATORY), new Fixtures.Req("G-2", MANDATORY),
                        new Fixtures.Req("R-1", RECOMMENDED)));
        QuarkusTransaction.requiringNew().run(() -> Tenancy.system("test set-up", () -> {
            AssessmentItem.<AssessmentItem>list("assessmentId", id).forEach(i -> {
                boolean met = i.requirementKey.equals("R-1");
                i.response = met ? ResponseStatus.IMPLEMENTED : ResponseStatus.NOT_IMPLEMENTED;
                i.statement = met ? "in place" : "planned";
                i.evaluation = met ? Evaluation.CONFORMANT : Evaluation.NONCONFORMANT;
                if (i.requirementKey.equals("G-1")) {
                    i.titleEn = HOSTILE_TITLE;
                    i.evidenceRefs = new ArrayList<>(List.of(new EvidenceRef("ISMS certificate",
                            "https://vendor.example/isms.pdf", null, null)));
                }
                if (i.requirementKey.equals("G-2")) {
                    i.answeredBy = AnsweringSide.BOTH;
                    i.hospitalResponse = ResponseStatus.PARTIAL;
                    i.hospitalStatement = "hospital side segment";
                    i.hospitalRespondedBy = "hospital-user";
                    i.hospitalRespondedAt = Instant.now();
                }
            });
            em.createNativeQuery("""
                            insert into contract_posture (contract_id, hospital_id, vendor_id, title, hospital_name_ja,
                                hospital_name_en, vendor_name_ja, vendor_name_en, updated_at)
                            values (?1, ?2, ?3, ?4, 'さくら病院', 'Sakura Hospital', '株式会社クラウド医療', null, now())
                            on conflict (contract_id) do update set title = excluded.title,
                                hospital_name_ja = excluded.hospital_name_ja, hospital_name_en = excluded.hospital_name_en,
                                vendor_name_ja = excluded.vendor_name_ja, vendor_name_en = excluded.vendor_name_en""")
                    .setParameter(1, contract).setParameter(2, hospital).setParameter(3, vendor)
                    .setParameter(4, CONTRACT_TITLE).executeUpdate();
        }));
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", id).then().statusCode(200);
        finding(id, "G-1");
        String accepted = finding(id, "G-2");
        as(Roles.PROCUREMENT, hospital).body(Map.of("approver", APPROVER, "justification", JUSTIFICATION,
                "expiresOn", expiry.toString())).post(accepted + "/risk-acceptance").then().statusCode(201);
        return id;
    }

    private String finding(UUID id, String key) {
        String location = as(Roles.PROCUREMENT, hospital).body(Map.of("requirementKey", key, "owner", "vendor CISO",
                        "dueDate", due.toString(), "likelihood", 3,
                        "impact", Map.of("confidentiality", 3, "integrity", 1, "availability", 1),
                        "treatment", "REDUCE", "measures", List.of("patch")))
                .post("/api/v1/assessments/{id}/findings", id).then().statusCode(201).extract().header("Location");
        return location.substring(location.indexOf("/api/v1/"));
    }

    private XSSFWorkbook xlsx(String role, UUID organization, UUID id, String lang) throws Exception {
        var request = as(role, organization).accept(XLSX);
        if (lang != null) {
            request = request.queryParam("lang", lang);
        }
        byte[] bytes = request.get("/api/v1/assessments/{id}/report", id).then().statusCode(200)
                .contentType(startsWith(XLSX)).extract().asByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private String html(String role, UUID organization, UUID id, String lang) {
        return as(role, organization).accept("text/html").queryParam("lang", lang)
                .get("/api/v1/assessments/{id}/report", id).then().statusCode(200)
                .contentType(startsWith("text/html")).extract().asString();
    }

    @Test
    void the_hospitals_workbook_opens_with_a_summary_of_the_contract_its_parties_and_its_gaps() throws Exception {
        UUID id = completed();
        JsonPath result = as(Roles.PROCUREMENT, hospital).accept("application/json")
                .get("/api/v1/assessments/{id}", id).then().statusCode(200).extract().jsonPath();
        try (XSSFWorkbook wb = xlsx(Roles.PROCUREMENT, hospital, id, "ja")) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("概要", "項目", "指摘事項");
            XSSFSheet summary = wb.getSheet("概要");
            assertFrozenStyledHeader(wb, summary, List.of("項目", "内容"));
            Map<String, String> facts = facts(summary);
            assertThat(facts).containsEntry("契約", CONTRACT_TITLE + " (" + contract + ")")
                    .containsEntry("医療機関", "さくら病院").containsEntry("事業者", "株式会社クラウド医療")
                    .containsEntry("ベースライン", GUIDELINE + " 1").containsEntry("フェーズ", "PRE_CONTRACT")
                    .containsEntry("判定", result.getString("result.verdict"))
                    .containsEntry("未対応の必須ギャップ", result.getString("result.openMandatoryGaps"))
                    .containsEntry("計画中の必須ギャップ（期限内の是正計画）", result.getString("result.plannedMandatoryGaps"))
                    .containsEntry("リスク受容（指摘事項）", "1").containsEntry("項目数", "3");

            XSSFSheet items = wb.getSheet("項目");
            List<String> header = texts(items.getRow(0));
            assertThat(header).startsWith("キー", "ガイドライン", "版", "章・節", "区分", "表題（日本語）", "表題（英語）",
                    "回答する側（責任分界）", "事業者の回答").contains("医療機関の回答", "対応期限");
            assertFrozenStyledHeader(wb, items, header);
            assertThat(items.getLastRowNum()).isEqualTo(3);
            Map<String, String> g1 = row(items, "G-1");
            assertThat(g1).containsEntry("表題（英語）", HOSTILE_TITLE).containsEntry("回答する側（責任分界）", "VENDOR")
                    .containsEntry("事業者の回答", "NOT_IMPLEMENTED")
                    .containsEntry("事業者の証跡", "ISMS certificate <https://vendor.example/isms.pdf>")
                    .containsEntry("指摘事項の状態", "OPEN").containsEntry("対応期限", due.toString());
            Map<String, String> g2 = row(items, "G-2");
            assertThat(g2).containsEntry("回答する側（責任分界）", "BOTH")
                    .containsEntry("医療機関の回答", "PARTIAL")
                    .containsEntry("医療機関の説明", "hospital side segment")
                    .containsEntry("指摘事項の状態", "RISK_ACCEPTED").containsEntry("リスク受容の期限", expiry.toString());

            Map<String, String> f2 = row(wb.getSheet("指摘事項"), "G-2");
            assertThat(f2).containsEntry("リスク受容の承認者", APPROVER).containsEntry("リスク受容の理由", JUSTIFICATION);
        }
    }

    @Test
    void the_printable_report_is_a_self_contained_page_with_the_same_tables_and_escaped_text() throws Exception {
        UUID id = completed();
        String html = html(Roles.AUDITOR, hospital, id, "en");
        org.w3c.dom.Document page = parse(html);
        Element root = page.getDocumentElement();
        assertThat(root.getAttribute("lang")).isEqualTo("en");
        assertThat(page.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Assessment report: " + CONTRACT_TITLE + " (PRE_CONTRACT)");
        assertThat(page.getElementsByTagName("style").item(0).getTextContent()).contains("@media print");
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>");

        NodeList tables = page.getElementsByTagName("table");
        assertThat(tables.getLength()).isEqualTo(3);
        List<String> captions = new ArrayList<>();
        NodeList h2 = page.getElementsByTagName("h2");
        for (int i = 0; i < h2.getLength(); i++) {
            captions.add(h2.item(i).getTextContent());
        }
        assertThat(captions).containsExactly("Summary", "Items", "Findings");

        Map<String, String> summary = new LinkedHashMap<>();
        NodeList summaryRows = ((Element) ((Element) tables.item(0)).getElementsByTagName("tbody").item(0))
                .getElementsByTagName("tr");
        for (int r = 0; r < summaryRows.getLength(); r++) {
            Element row = (Element) summaryRows.item(r);
            Element th = (Element) row.getElementsByTagName("th").item(0);
            assertThat(th.getAttribute("scope")).isEqualTo("row");
            summary.put(th.getTextContent(), row.getElementsByTagName("td").item(0).getTextContent());
        }
        assertThat(summary).containsEntry("Hospital", "Sakura Hospital")
                // no English name registered: the Japanese one
                .containsEntry("Vendor", "株式会社クラウド医療").containsEntry("Accepted risks (findings)", "1");

        Element items = (Element) tables.item(1);
        NodeList headers = ((Element) items.getElementsByTagName("thead").item(0)).getElementsByTagName("th");
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < headers.getLength(); c++) {
            assertThat(((Element) headers.item(c)).getAttribute("scope")).isEqualTo("col");
            columns.add(headers.item(c).getTextContent());
        }
        assertThat(columns).startsWith("key", "guideline", "version", "section", "obligation", "title_ja", "title_en",
                "answered_by");
        NodeList itemRows = ((Element) items.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        assertThat(itemRows.getLength()).isEqualTo(3);
        NodeList g1 = ((Element) itemRows.item(0)).getElementsByTagName("td");
        assertThat(g1.item(0).getTextContent()).isEqualTo("G-1");
        assertThat(g1.item(columns.indexOf("title_en")).getTextContent()).isEqualTo(HOSTILE_TITLE);
        assertThat(g1.item(columns.indexOf("due_date")).getTextContent()).isEqualTo(due.toString());
        // the hospital's auditor sees who accepted the risk and why
        assertThat(html).contains(APPROVER, JUSTIFICATION);
    }

    @Test
    void the_vendor_sees_that_a_risk_was_accepted_but_not_who_accepted_it_or_why_in_either_form() throws Exception {
        UUID id = completed();
        String html = html(Roles.VENDOR, vendor, id, "en");
        parse(html);
        assertThat(html).contains("RISK_ACCEPTED", expiry.toString()).doesNotContain(APPROVER)
                .doesNotContain(JUSTIFICATION).doesNotContain("Tanaka");
        String auditorHtml = html(Roles.AUDITOR, vendor, id, "ja");
        assertThat(auditorHtml).contains("RISK_ACCEPTED").doesNotContain("Tanaka").doesNotContain("isolated network");

        try (XSSFWorkbook wb = xlsx(Roles.VENDOR, vendor, id, null)) {
            Map<String, String> f2 = row(wb.getSheet("Findings"), "G-2");
            assertThat(f2).containsEntry("status", "RISK_ACCEPTED").containsEntry("risk_accepted_until", expiry.toString())
                    .containsEntry("risk_accepted_by", "").containsEntry("risk_acceptance_justification", "");
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue()).doesNotContain("Tanaka", "isolated network");
                        }
                    }
                }
            }
        }
    }

    @Test
    void another_organizations_report_is_not_found_in_any_form_and_bad_input_is_refused() {
        UUID id = completed();
        for (String accept : List.of(XLSX, "text/html")) {
            as(Roles.VENDOR, UUID.randomUUID()).accept(accept).get("/api/v1/assessments/{id}/report", id).then()
                    .statusCode(404).contentType(startsWith("application/problem+json"));
            as(Roles.PROCUREMENT, UUID.randomUUID()).accept(accept).get("/api/v1/assessments/{id}/report", id).then()
                    .statusCode(404).contentType(startsWith("application/problem+json"));
            as(Roles.PROCUREMENT, hospital).accept(accept).get("/api/v1/assessments/{id}/report", UUID.randomUUID())
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            as(Roles.PROCUREMENT, hospital).accept(accept).get("/api/v1/assessments/{id}/report", "not-a-uuid")
                    .then().statusCode(oneOf(400, 404)).contentType(startsWith("application/problem+json"));
            as(Roles.PROCUREMENT, hospital).accept(accept).queryParam("lang", "<b>fr</b>")
                    .get("/api/v1/assessments/{id}/report", id)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
        }
        // what a client generated from the OpenAPI document sends: every media type of the 200 response
        as(Roles.PROCUREMENT, hospital).accept("application/json, text/csv, " + XLSX + ", text/html, "
                        + "application/problem+json").get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(200).contentType(startsWith("application/json")).body("items.size()", equalTo(3));
        as(Roles.PROCUREMENT, hospital).accept("application/pdf").get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(406).contentType(startsWith("application/problem+json")).body("status", equalTo(406));
    }

    private static org.w3c.dom.Document parse(String html) throws Exception {
        // Well-formed markup: parsed as XML, a tag smuggled in through the content would break it or show up.
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertFrozenStyledHeader(XSSFWorkbook wb, XSSFSheet sheet, List<String> header) {
        assertThat(texts(sheet.getRow(0))).isEqualTo(header);
        for (Cell cell : sheet.getRow(0)) {
            assertThat(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
        }
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
    }

    /** Label → value of a two-column summary sheet. */
    private static Map<String, String> facts(Sheet sheet) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0) {
                List<String> cells = texts(row);
                out.put(cells.get(0), cells.size() > 1 ? cells.get(1) : "");
            }
        }
        return out;
    }

    /** The row whose first cell is {@code key}, by column title. */
    private static Map<String, String> row(Sheet sheet, String key) {
        List<String> header = texts(sheet.getRow(0));
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && key.equals(row.getCell(0).getStringCellValue())) {
                List<String> cells = texts(row);
                Map<String, String> out = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    out.put(header.get(c), c < cells.size() ? cells.get(c) : "");
                }
                return out;
            }
        }
        throw new AssertionError("no row " + key + " on " + sheet.getSheetName());
    }

    /** Cell texts: a date cell as an ISO date, a number as written, text as is. */
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
