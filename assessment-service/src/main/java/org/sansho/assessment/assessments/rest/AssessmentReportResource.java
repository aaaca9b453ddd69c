package org.sansho.assessment.assessments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.assessments.service.AssessmentAccess;
import org.sansho.assessment.assessments.service.AssessmentReview;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.findings.service.FindingWorkflow;
import org.sansho.assessment.findings.rest.FindingView;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The whole assessment in one document, for auditors and for the hospital's records: JSON, CSV or XLSX. The CSV and
 * XLSX forms share their columns through {@link ReportRows}.
 */
@Path("/api/v1/assessments/{id}/report")
@Tag(name = "Assessments")
public class AssessmentReportResource {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Schema(name = "AssessmentReport", description = "The assessment, every item with its answer and evaluation, and its findings")
    public record Report(AssessmentView assessment, List<ItemView> items, List<FindingView> findings) {
    }

    private final Caller caller;

    public AssessmentReportResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Report of an assessment", description = "Accept: text/csv gives one row per item; Accept: "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet gives an XLSX workbook with the "
            + "same item rows on sheet Items and the findings on sheet Findings")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such assessment, or one of another organization")
    public Report getAssessmentReport(@PathParam("id") UUID id) {
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
    public Response getAssessmentReportCsv(@PathParam("id") UUID id) {
        Report report = getAssessmentReport(id);
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
    public Response getAssessmentReportXlsx(@PathParam("id") UUID id) {
        byte[] workbook = ReportWorkbook.write(getAssessmentReport(id));
        return Response.ok(workbook, XLSX)
                .header("Content-Disposition", "attachment; filename=\"assessment-" + id + ".xlsx\"").build();
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
