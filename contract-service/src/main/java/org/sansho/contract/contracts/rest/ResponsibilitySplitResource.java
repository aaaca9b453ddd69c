package org.sansho.contract.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.contracts.service.ResponsibilitySplitService;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.util.UUID;

@Path("/api/v1/contracts/{id}/responsibility-split")
@Tag(name = "Responsibility split", description = "責任分界: who carries each item of the role-sharing checklist "
        + "(MHLW 6.0 システム運用編 3; 2024 役割分担確認表), and the vendor's acknowledgement")
public class ResponsibilitySplitResource {

    private final ResponsibilitySplitService splits;
    private final ContractService contracts;
    private final Caller caller;

    public ResponsibilitySplitResource(ResponsibilitySplitService splits, ContractService contracts, Caller caller) {
        this.splits = splits;
        this.contracts = contracts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Read the contract's responsibility split",
            description = "Every item of the role-sharing checklist the split was set from, with its side and note, "
                    + "the Part 2 items still unassigned and the vendor's acknowledgement. ETag = the contract's version.")
    @APIResponse(responseCode = "200", description = "The split (empty items while none was set)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponsibilitySplitView.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getResponsibilitySplit(@PathParam("id") UUID id) {
        Contract c = contracts.readable(id);
        return Response.ok(ResponsibilitySplitView.of(c)).tag(Preconditions.etag(c.version)).build();
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Set the contract's responsibility split (hospital)",
            description = "Replaces the whole split. Every key must be an item of the catalog's role-sharing "
                    + "checklist (2024 確認表 Part 1 / Part 2); an unknown key is a 422 naming it and changes nothing. "
                    + "A change withdraws the vendor's acknowledgement and publishes contract.responsibility-split-changed. "
                    + "If-Match is optional and checked when given.")
    @APIResponse(responseCode = "200", description = "The split as it now stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponsibilitySplitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (e.g. a key given twice)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the hospital's procurement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The contract is closed or cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match was given and is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A key is no item of the role-sharing checklist; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog could not be reached; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setResponsibilitySplit(@PathParam("id") UUID id,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           @Valid @NotNull ResponsibilitySplitBody body) {
        Contract c = splits.set(id, ifMatch, body.toResponsibilities(), caller);
        Contract.getEntityManager().flush();
        return Response.ok(ResponsibilitySplitView.of(c)).tag(Preconditions.etag(c.version)).build();
    }

    @POST
    @Path("/acknowledgement")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Acknowledge the responsibility split (vendor)",
            description = "The vendor confirms the split as it stands (2省GL §3.2.1 shared understanding); a later "
                    + "change of the split withdraws it. Acknowledging an acknowledged split changes nothing.")
    @APIResponse(responseCode = "200", description = "The acknowledged split",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResponsibilitySplitView.class)))
    @APIResponse(responseCode = "403", description = "Not the contract's vendor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No split has been set yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acknowledgeResponsibilitySplit(@PathParam("id") UUID id) {
        Contract c = splits.acknowledge(id, caller);
        Contract.getEntityManager().flush();
        return Response.ok(ResponsibilitySplitView.of(c)).tag(Preconditions.etag(c.version)).build();
    }
}
