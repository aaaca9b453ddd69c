package org.sansho.assessment.assessments.rest;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.assessments.service.AssessmentAccess;
import org.sansho.assessment.assessments.service.AssessmentReview;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.findings.service.FindingWorkflow;
import org.sansho.assessment.findings.rest.FindingView;
import org.sansho.assessment.posture.persistence.ContractPosture;
import org.sansho.platform.documents.Document;
import org.sansho.platform.documents.DocumentLanguage;
import org.sansho.platform.documents.Spreadsheets;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The whole assessment in one document, for auditors and for the hospital's records: JSON, CSV, XLSX or printable
 * HTML. The CSV, XLSX and HTML forms share their columns through {@link ReportRows}; the XLSX and HTML forms are one
 * {@link ReportDocument} written by the platform's documents.
 */
@Path("/api/v1/assessments/{id}/report")
@Tag(name = "Assessments")
public class AssessmentReportResource {

    public static final String CSV = "text/csv";
    public static final String XLSX = Document.XLSX;

    @Schema(name = "AssessmentReport", description = "The assessment, every item with its answer and evaluation, and its findings")
    public record Report(AssessmentView assessment, List<ItemView> items, List<FindingView> findings) {
    }

    private final Caller caller;
    private final Template printable;

    public AssessmentReportResource(Caller caller, @Location(Document.TEMPLATE) Template printable) {
        this.caller = caller;
        this.printable = printable;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Report of an assessment", description = "Accept: text/csv gives one row per item; Accept: "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet gives an XLSX workbook with a "
            + "Summary sheet (contract, parties by name, baseline, phase, verdict, gap counts, accepted risks), the "
            + "same item rows on sheet Items (with who answers each item per the responsibility split, the answers, "
            + "evidence, evaluation, finding and due date) and the findings on sheet Findings, each with a bold "
            + "header row frozen at the top; Accept: text/html gives the same three tables as a self-contained "
            + "printable page. Titles of the XLSX and HTML forms in Japanese or English: ?lang=, else "
            + "Accept-Language, else English. Who accepted a risk and why is shown to the hospital's side only, in "
            + "every form.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Report.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Document.HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An unknown lang",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or one of another organization")
    public Report getAssessmentReport(@PathParam("id") UUID id,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en")
            @Parameter(description = "Language of the XLSX and HTML titles", schema = @Schema(enumeration = {"ja", "en"}))
            String lang) {
        return report(id);
    }

    private Report report(UUID id) {
        Assessment a = AssessmentAccess.readable(id);
        List<Finding> findings = FindingWorkflow.ofAssessment(a.id).list();
        Map<UUID, UUID> byItem = findings.stream().collect(Collectors.toMap(f -> f.itemId, f -> f.id));
        List<ItemView> items = AssessmentReview.items(a.id).<AssessmentItem>list().stream()
                .map(i -> ItemView.of(i, byItem.get(i.id))).toList();
        return new Report(AssessmentView.of(a), items, findings.stream().map(f -> FindingView.of(f).seenBy(caller)).toList());
    }

    @GET
    @Produces(CSV)
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(hidden = true)
    public Response getAssessmentReportCsv(@PathParam("id") UUID id,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en") String lang) {
        Report report = report(id);
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, ReportRows.labels(ReportRows.ITEM_COLUMNS));
        for (ReportRows.ItemRow r : ReportRows.items(report)) {
            row(out, ReportRows.values(ReportRows.ITEM_COLUMNS, r).stream().map(Object::toString).toList());
        }
        return Response.ok(out.toString(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"assessment-" + id + ".csv\"").build();
    }

    @GET
    @Produces(XLSX)
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(hidden = true)
    public Response getAssessmentReportXlsx(@PathParam("id") UUID id,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        byte[] workbook = Spreadsheets.xlsx(document(id, DocumentLanguage.of(lang, acceptLanguage)));
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"assessment-" + id + ".xlsx\"").build();
    }

    @GET
    @Produces(Document.HTML)
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(hidden = true)
    public Response getAssessmentReportHtml(@PathParam("id") UUID id,
            @QueryParam("lang") @Pattern(regexp = "ja|en", message = "must be ja or en") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Document document = document(id, DocumentLanguage.of(lang, acceptLanguage));
        return Response.ok(printable.data("document", document).render(), Document.HTML + "; charset=UTF-8").build();
    }

    /** The report as the caller may read it, with the contract's title and parties' names from the posture model. */
    private Document document(UUID id, String language) {
        Report report = report(id);
        ContractPosture posture = ContractPosture.findById(report.assessment().contractId());
        ReportDocument.ContractFacts contract = posture == null ? ReportDocument.ContractFacts.UNKNOWN
                : new ReportDocument.ContractFacts(posture.title, posture.hospitalNameJa, posture.hospitalNameEn,
                posture.vendorNameJa, posture.vendorNameEn);
        return ReportDocument.of(report, contract, language);
    }

    /** RFC 4180: every field quoted, quotes doubled; a leading formula character is neutralised for spreadsheets. */
    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f;
            }
            out.append(i == 0 ? "" : ",").append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }
}
