package org.sansho.assessment.findings.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.service.AssessmentAccess;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.findings.service.FindingWorkflow;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.UUID;

/** The findings of one assessment. */
@Path("/api/v1/assessments/{id}/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class AssessmentFindingsResource {

    private final Caller caller;
    private final FindingWorkflow findings;
    private final IdempotentRequests idempotency;

    public AssessmentFindingsResource(Caller caller, FindingWorkflow findings, IdempotentRequests idempotency) {
        this.caller = caller;
        this.findings = findings;
        this.idempotency = idempotency;
    }

    @GET
        @RolesAllowed({Roles.VENDOR, Roles.PROCUREMENT, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "List the findings of an assessment")
    @APIResponse(responseCode = "200", description = "One page of findings")
    public Page<FindingView> listFindings(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        Assessment a = AssessmentAccess.readable(id);
        return Page.of(FindingWorkflow.ofAssessment(a.id), page, f -> FindingView.of(f).seenBy(caller));
    }

    @POST
        @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Raise a finding for a nonconformant item (reviewer)",
            description = "The level follows the risk matrix; S and A risks must be treated (no RETAIN) and S needs layered measures. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The finding; Location is its address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rating, or a treatment that does not fit the level")
    @APIResponse(responseCode = "409", description = "The item is not nonconformant, or already has a finding")
    public Response openFinding(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
                         @Valid @NotNull FindingRequest request) {
        Assessment a = AssessmentAccess.reviewable(id, caller);
        return idempotency.execute(key, "POST findings of " + id + " by " + caller.requireOrganization(), request,
                () -> {
                    Finding f = findings.open(a, new FindingWorkflow.NewFinding(request.requirementKey(),
                            request.owner(), request.dueDate(), request.likelihood(),
                            request.impact().confidentiality(), request.impact().integrity(),
                            request.impact().availability(), request.treatment(), request.measures()));
                    return FindingResource.created(f);
                });
    }

}
