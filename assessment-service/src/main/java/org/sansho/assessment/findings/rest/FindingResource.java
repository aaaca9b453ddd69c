package org.sansho.assessment.findings.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.assessment.rest.OrganizationScope;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.rest.QueryValues;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.assessments.service.AssessmentAccess;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.findings.service.FindingWorkflow;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
// Without it a body sent as another media type (text/plain) was read as JSON (found by the hostile-input suite).
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Findings", description = "Nonconformities with risk rating and treatment, their remediation and risk acceptance")
public class FindingResource {

    private final Caller caller;
    private final FindingWorkflow findings;
    private final IdempotentRequests idempotency;

    public FindingResource(Caller caller, FindingWorkflow findings, IdempotentRequests idempotency) {
        this.caller = caller;
        this.findings = findings;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List a hospital's or a vendor's findings",
            description = "Exactly one of hospital or vendor, with the access rule of the posture (another "
                    + "organization answers 404). Filters combine (and): contract, risk levels, statuses, the cell of "
                    + "the risk matrix (likelihood and highest C/I/A impact) and overdue. Earliest due date first. "
                    + "A risk acceptance's approver and justification only for the hospital's side.")
    @APIResponse(responseCode = "200", description = "One page of findings")
    @APIResponse(responseCode = "400", description = "Neither or both of hospital and vendor, an unknown level or "
            + "status, likelihood or impact outside 1–5, or a bad page")
    @APIResponse(responseCode = "404", description = "Another organization's findings")
    public Page<FindingView> listOrganizationFindings(
            @QueryParam("hospital") @Parameter(description = "Hospital organization id") UUID hospital,
            @QueryParam("vendor") @Parameter(description = "Vendor organization id") UUID vendor,
            @QueryParam("contract") @Parameter(description = "Only this contract's findings") UUID contract,
            @QueryParam("level") @Parameter(description = "Risk levels (repeatable): S, A, B, C, D") List<String> levels,
            @QueryParam("status") @Parameter(description = "Statuses (repeatable): OPEN, RESOLVED, RISK_ACCEPTED") List<String> statuses,
            @QueryParam("likelihood") @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
            @Parameter(description = "Likelihood 1–5 (a row of the risk matrix)") Integer likelihood,
            @QueryParam("impact") @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
            @Parameter(description = "Highest C/I/A impact 1–5 (a column of the risk matrix)") Integer impact,
            @QueryParam("overdue") @Parameter(description = "Only open findings past their due date (true) or the others (false)") Boolean overdue,
            @Valid @BeanParam PageParams page) {
        OrganizationScope scope = OrganizationScope.of(hospital, vendor, "Findings of organization");
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add((scope.hospital() ? "hospitalId" : "vendorId") + " = :org");
        params.put("org", scope.id());
        if (contract != null) {
            where.add("contractId = :contract");
            params.put("contract", contract);
        }
        Set<RiskLevel> levelSet = QueryValues.all("level", levels, RiskLevel.class);
        if (!levelSet.isEmpty()) {
            where.add("riskLevel in :levels");
            params.put("levels", levelSet);
        }
        Set<FindingStatus> statusSet = QueryValues.all("status", statuses, FindingStatus.class);
        if (!statusSet.isEmpty()) {
            where.add("status in :statuses");
            params.put("statuses", statusSet);
        }
        if (likelihood != null) {
            where.add("likelihood = :likelihood");
            params.put("likelihood", likelihood);
        }
        if (impact != null) {
            // the highest of the three impacts is this one
            where.add("impactC <= :impact and impactI <= :impact and impactA <= :impact "
                    + "and (impactC = :impact or impactI = :impact or impactA = :impact)");
            params.put("impact", impact);
        }
        if (overdue != null) {
            where.add(overdue ? "(overdueNotifiedAt is not null and status = :open)"
                    : "(overdueNotifiedAt is null or status <> :open)");
            params.put("open", FindingStatus.OPEN);
        }
        PanacheQuery<Finding> query = Finding.find(String.join(" and ", where),
                Sort.ascending("dueDate").and("id"), params);
        return Page.of(query, page, f -> FindingView.of(f).seenBy(caller));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Read one finding", description = "ETag = its version")
    @APIResponse(responseCode = "200", description = "The finding",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "404", description = "No such finding, or one of another organization")
    public Response getFinding(@PathParam("id") UUID id) {
        Finding f = FindingWorkflow.readable(id);
        return Response.ok(FindingView.of(f).seenBy(caller)).tag(Preconditions.etag(f.version)).build();
    }

    @POST
    @Path("/{id}/resolution")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Record that an open finding was remediated (reviewer)",
            description = "A finding of a completed assessment changes its verdict: verdict-changed is published. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The resolved finding",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "409", description = "The finding is not OPEN")
    public Response resolveFinding(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                            @Valid @NotNull ResolutionRequest request) {
        Finding f = reviewable(id);
        return idempotency.execute(key, "POST resolution of " + id + " by " + caller.requireOrganization(), request,
                () -> created(findings.resolve(f, request.note())));
    }

    @POST
    @Path("/{id}/risk-acceptance")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Accept the risk of an open finding until an expiry (hospital)",
            description = "A named approver accepts the residual risk; the gap stops counting as open until the expiry date. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The risk-accepted finding",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "409", description = "The finding is not OPEN")
    public Response acceptRisk(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                               @Valid @NotNull RiskAcceptanceRequest request) {
        Finding f = reviewable(id);
        return idempotency.execute(key, "POST risk-acceptance of " + id + " by " + caller.requireOrganization(),
                request, () -> created(findings.acceptRisk(f, request.approver(), request.justification(),
                        request.expiresOn())));
    }

    private Finding reviewable(UUID id) {
        Finding f = FindingWorkflow.readable(id);
        AssessmentAccess.reviewable(f.assessmentId, caller);
        return f;
    }

    static Response created(Finding f) {
        Finding.getEntityManager().flush();
        return Response.created(URI.create("/api/v1/findings/" + f.id)).entity(FindingView.of(f))
                .tag(Preconditions.etag(f.version)).build();
    }
}
