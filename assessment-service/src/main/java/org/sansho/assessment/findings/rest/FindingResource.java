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
