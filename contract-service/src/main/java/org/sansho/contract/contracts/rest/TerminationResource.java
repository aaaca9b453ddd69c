package org.sansho.contract.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.contracts.service.TerminationService;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/contracts/{id}/termination")
@Tag(name = "Termination", description = "Contract end: notice, data return, deletion certificate")
public class TerminationResource {

    private final TerminationService termination;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public TerminationResource(TerminationService termination, IdempotentRequests idempotency, Caller caller) {
        this.termination = termination;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "The termination record of a contract")
    @APIResponse(responseCode = "404", description = "No termination recorded, or contract not visible")
    @APIResponse(responseCode = "200", description = "The termination record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationView.class)))
    public TerminationView getTermination(@PathParam("id") UUID id) {
        return TerminationView.of(termination.find(id, caller));
    }

    @POST
    @Path("/notice")
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Give notice of termination (either side)",
            description = "Needed before ACTIVE → TERMINATION_NOTICED. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The termination record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationView.class)))
    public Response giveTerminationNotice(@PathParam("id") UUID id, @Valid @NotNull NoticeBody request,
                           @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, scope(id, "notice"), request,
                () -> Response.ok(TerminationView.of(termination.notice(id, request.toCommand(), caller))).build());
    }

    @POST
    @Path("/data-return")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "The vendor records the return of the data",
            description = "Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The termination record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationView.class)))
    public Response recordDataReturn(@PathParam("id") UUID id, @Valid @NotNull DataReturnBody request,
                               @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, scope(id, "data-return"), request,
                () -> Response.ok(TerminationView.of(termination.dataReturned(id, request.toCommand(), caller))).build());
    }

    @POST
    @Path("/data-return/confirmation")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "The hospital confirms it received its data",
            description = "Needed before DATA_DELETION and CLOSED. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The termination record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationView.class)))
    public Response confirmDataReturn(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, scope(id, "data-return-confirmation"), null,
                () -> Response.ok(TerminationView.of(termination.confirmDataReturn(id, caller))).build());
    }

    @POST
    @Path("/deletion-certificate")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "The vendor records the deletion/destruction certificate",
            description = "Who, which media, what method, which date (2省GL 別紙2 ③-8; MHLW 5 §6.7). Needed before "
                    + "CLOSED. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The termination record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TerminationView.class)))
    public Response recordDeletionCertificate(@PathParam("id") UUID id, @Valid @NotNull DeletionCertificateBody request,
                             @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, scope(id, "deletion-certificate"), request,
                () -> Response.ok(TerminationView.of(termination.deletionCertificate(id, request.toCertificate(), caller))).build());
    }

    private String scope(UUID id, String step) {
        return "POST /contracts/" + id + "/termination/" + step + " by " + caller.requireOrganization();
    }
}
