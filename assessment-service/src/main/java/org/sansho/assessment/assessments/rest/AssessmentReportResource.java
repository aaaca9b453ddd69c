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
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole assessment in one document, for auditors and for the hospital's records: JSON or CSV. */
@Path("/api/v1/assessments/{id}/report")
@Tag(name = "Assessments")
public class AssessmentReportResource {

    public static final String CSV = "text/csv";

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
    @Operation(summary = "Report of an assessment", description = "Accept: text/csv gives one row per item")
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
        Map<UUID, FindingView> findings = report.findings().stream()
                .collect(Collectors.toMap(FindingView::id, Function.identity()));
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, "key", "guideline", "version", "section", "obligation", "title_ja", "title_en", "response",
                "statement", "justification", "evidence", "evaluation", "comment", "finding_status", "risk_level",
                "due_date", "risk_accepted_until");
        for (ItemView i : report.items()) {
            FindingView f = i.findingId() == null ? null : findings.get(i.findingId());
            row(out, i.key(), i.guidelineId(), i.guidelineVersion(), i.sectionNumber(), str(i.obligation()),
                    i.title().ja(), i.title().en(),
                    i.response() == null ? "" : str(i.response().status()),
                    i.response() == null ? "" : i.response().statement(),
                    i.response() == null ? "" : i.response().justification(),
                    i.response() == null ? "" : i.response().evidence().stream()
                            .map(e -> e.name() + (e.uri() == null ? "" : " <" + e.uri() + ">"))
                            .collect(Collectors.joining("; ")),
                    i.evaluation() == null ? "" : str(i.evaluation().evaluation()),
                    i.evaluation() == null ? "" : i.evaluation().comment(),
                    f == null ? "" : str(f.status()), f == null ? "" : str(f.risk().level()),
                    f == null ? "" : str(f.dueDate()),
                    f == null || f.riskAcceptance() == null ? "" : str(f.riskAcceptance().expiresOn()));
        }
        return Response.ok(out.toString(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"assessment-" + id + ".csv\"").build();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** RFC 4180: every field quoted, quotes doubled; a leading formula character is neutralised for spreadsheets. */
    private static void row(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i] == null ? "" : fields[i];
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f;
            }
            out.append(i == 0 ? "" : ",").append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }
}
