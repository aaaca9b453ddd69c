package org.sansho.assessment.assessments;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.ResponseStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.platform.security.Roles;
import org.sansho.platform.tenancy.Tenancy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;
import static org.sansho.assessment.assessments.domain.Obligation.RECOMMENDED;

/** The report as an XLSX workbook, as the dashboard asks for it: a summary, the CSV's rows, the findings. */
@QuarkusTest
class AssessmentReportXlsxTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String GUIDELINE = "xlsx-report-test-guideline";
    private static final List<String> ITEM_HEADER = List.of("key", "guideline", "version", "section", "obligation",
            "title_ja", "title_en", "answered_by", "response", "statement", "justification", "evidence",
            "hospital_response", "hospital_statement", "hospital_evidence", "evaluation", "comment",
            "finding_status", "risk_level", "due_date", "risk_accepted_until");
    private static final List<String> FINDING_HEADER = List.of("key", "title", "obligation", "risk_level",
            "treatment", "status", "due_date", "owner", "risk_accepted_until", "risk_accepted_by",
            "risk_acceptance_justification");
    private static final String APPROVER = "Dr. Sato, CISO";
    private static final String JUSTIFICATION = "compensating control at the data centre";

    private final UUID contract = UUID.randomUUID();
    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final LocalDate due = LocalDate.now().plusDays(30);
    private final LocalDate expiry = LocalDate.now().plusDays(90);

    /**
     * A completed assessment: G-1 and G-2 mandatory gaps with a finding each (G-2's risk accepted), R-1 met. G-1's
     * statement starts like a formula, which must arrive as text.
     */
    private UUID completed() {
        UUID id = Fixtures.seed(contract, hospital, vendor, AssessmentStatus.UNDER_REVIEW,
                List.of(new VersionRef(GUIDELINE, "1")),
                List.of(new Fixtures.Req("G-1", MANDATORY), new Fixtures.Req("G-2", MANDATORY),
                        new Fixtures.Req("R-1", RECOMMENDED)));
        QuarkusTransaction.requiringNew().run(() -> Tenancy.system("test set-up", () ->
                AssessmentItem.<AssessmentItem>list("assessmentId", id).forEach(i -> {
                    boolean met = i.requirementKey.equals("R-1");
                    i.response = met ? ResponseStatus.IMPLEMENTED : ResponseStatus.NOT_IMPLEMENTED;
                    i.statement = met ? "in place" : "=1+1 planned";
                    i.evaluation = met ? Evaluation.CONFORMANT : Evaluation.NONCONFORMANT;
                    i.evaluationComment = met ? null : "missing";
                })));
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

    private XSSFWorkbook xlsx(String role, UUID organization, UUID id) throws IOException {
        byte[] bytes = as(role, organization).accept(XLSX).get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"assessment-" + id + ".xlsx\""))
                .extract().asByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void the_hospital_gets_the_csv_rows_as_typed_cells_and_the_findings_with_who_accepted_the_risk() throws IOException {
        UUID id = completed();
        JsonPath json = as(Roles.PROCUREMENT, hospital).accept("application/json")
                .get("/api/v1/assessments/{id}/report", id).then().statusCode(200).extract().jsonPath();
        String level = json.getString("findings.find { it.requirementKey == 'G-1' }.risk.level");
        String title = json.getString("findings.find { it.requirementKey == 'G-1' }.title");
        assertThat(level).isNotBlank();

        try (XSSFWorkbook wb = xlsx(Roles.PROCUREMENT, hospital, id)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
            XSSFSheet items = wb.getSheet("Items");
            assertThat(wb.getSheetName(1)).isEqualTo("Items");
            assertHeader(wb, items, ITEM_HEADER);
            assertThat(items.getLastRowNum()).isEqualTo(3);
            assertThat(items.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:U4");

            Row g1 = rowOf(items, "G-1");
            assertThat(texts(g1, 0, 18)).containsExactly("G-1", GUIDELINE, "1", "", "MANDATORY", "要求事項 G-1",
                    "Requirement G-1", "VENDOR", "NOT_IMPLEMENTED", "=1+1 planned", "", "", "", "", "",
                    "NONCONFORMANT", "missing", "OPEN", level);
            assertThat(g1.getCell(9).getCellType()).isEqualTo(CellType.STRING); // never a formula
            assertThat(date(g1.getCell(19))).isEqualTo(due);
            assertThat(g1.getCell(20).getStringCellValue()).isEmpty();

            Row g2 = rowOf(items, "G-2");
            assertThat(g2.getCell(17).getStringCellValue()).isEqualTo("RISK_ACCEPTED");
            assertThat(date(g2.getCell(19))).isEqualTo(due);
            assertThat(date(g2.getCell(20))).isEqualTo(expiry);

            Row r1 = rowOf(items, "R-1");
            assertThat(texts(r1, 0, 20)).containsExactly("R-1", GUIDELINE, "1", "", "RECOMMENDED", "要求事項 R-1",
                    "Requirement R-1", "VENDOR", "IMPLEMENTED", "in place", "", "", "", "", "", "CONFORMANT", "", "",
                    "", "", "");

            XSSFSheet findings = wb.getSheet("Findings");
            assertThat(wb.getSheetName(2)).isEqualTo("Findings");
            assertHeader(wb, findings, FINDING_HEADER);
            assertThat(findings.getLastRowNum()).isEqualTo(2);
            Row f1 = rowOf(findings, "G-1");
            assertThat(texts(f1, 0, 5)).containsExactly("G-1", title, "MANDATORY", level, "REDUCE", "OPEN");
            assertThat(date(f1.getCell(6))).isEqualTo(due);
            assertThat(f1.getCell(7).getStringCellValue()).isEqualTo("vendor CISO");
            assertThat(texts(f1, 8, 10)).containsOnly("");
            Row f2 = rowOf(findings, "G-2");
            assertThat(f2.getCell(5).getStringCellValue()).isEqualTo("RISK_ACCEPTED");
            assertThat(date(f2.getCell(8))).isEqualTo(expiry);
            assertThat(texts(f2, 9, 10)).containsExactly(APPROVER, JUSTIFICATION);

            // The CSV carries exactly the same item rows.
            String csv = as(Roles.PROCUREMENT, hospital).accept("text/csv").get("/api/v1/assessments/{id}/report", id)
                    .then().statusCode(200).extract().asString();
            List<List<String>> csvRows = csv.replace("\uFEFF", "").lines().map(AssessmentReportXlsxTest::csvFields)
                    .toList();
            assertThat(csvRows).hasSize(items.getLastRowNum() + 1);
            for (int r = 0; r <= items.getLastRowNum(); r++) {
                assertThat(csvRows.get(r)).as("row %d", r).isEqualTo(texts(items.getRow(r), 0, ITEM_HEADER.size() - 1));
            }
        }
    }

    @Test
    void the_vendors_workbook_shows_the_acceptance_and_its_expiry_but_not_who_accepted_it_or_why() throws IOException {
        UUID id = completed();
        try (XSSFWorkbook wb = xlsx(Roles.VENDOR, vendor, id)) {
            XSSFSheet findings = wb.getSheet("Findings");
            assertHeader(wb, findings, FINDING_HEADER);
            Row f2 = rowOf(findings, "G-2");
            assertThat(f2.getCell(5).getStringCellValue()).isEqualTo("RISK_ACCEPTED");
            assertThat(date(f2.getCell(8))).isEqualTo(expiry);
            assertThat(texts(f2, 9, 10)).containsOnly("");
            assertThat(wb.getSheet("Items").getLastRowNum()).isEqualTo(3);
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            assertThat(cell.getStringCellValue()).doesNotContain("Sato", "compensating");
                        }
                    }
                }
            }
        }
    }

    @Test
    void another_organizations_assessment_is_not_found_as_a_workbook_either() {
        UUID id = completed();
        as(Roles.VENDOR, UUID.randomUUID()).accept(XLSX).get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(404);
        as(Roles.AUDITOR, UUID.randomUUID()).accept(XLSX).get("/api/v1/assessments/{id}/report", id).then()
                .statusCode(404);
        as(Roles.PROCUREMENT, hospital).accept(XLSX).get("/api/v1/assessments/{id}/report", UUID.randomUUID()).then()
                .statusCode(404);
    }

    private static void assertHeader(XSSFWorkbook wb, XSSFSheet sheet, List<String> labels) {
        Row header = sheet.getRow(0);
        assertThat(texts(header, 0, header.getLastCellNum() - 1)).isEqualTo(labels);
        for (Cell cell : header) {
            assertThat(wb.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).as(cell.getStringCellValue()).isTrue();
        }
        assertThat(sheet.getPaneInformation()).isNotNull();
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
        for (int c = 0; c < labels.size(); c++) {
            assertThat(sheet.getColumnWidth(c)).as("width of %s", labels.get(c))
                    .isBetween((labels.get(c).length() + 1) * 256, 63 * 256);
        }
    }

    private static Row rowOf(Sheet sheet, String key) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && key.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " on " + sheet.getSheetName());
    }

    /** Cells from..to as the CSV writes them: text as is, a date cell as ISO date. */
    private static List<String> texts(Row row, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int c = from; c <= to; c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? date(cell).toString()
                    : cell.getStringCellValue());
        }
        return out;
    }

    private static LocalDate date(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
        return cell.getLocalDateTimeCellValue().toLocalDate();
    }

    /** One CSV line of fully quoted fields; the CSV's guard quote before a formula character is taken off. */
    private static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            StringBuilder field = new StringBuilder();
            i++; // opening quote
            while (true) {
                char ch = line.charAt(i++);
                if (ch == '"') {
                    if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                } else {
                    field.append(ch);
                }
            }
            i++; // comma
            String f = field.toString();
            out.add(f.length() > 1 && f.charAt(0) == '\'' && "=+-@".indexOf(f.charAt(1)) >= 0 ? f.substring(1) : f);
        }
        return out;
    }
}
