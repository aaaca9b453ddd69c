package org.sansho.contract.contracts.rest;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.contracts.persistence.Incident;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.contracts.service.IncidentService;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/contracts/{id}/incidents")
@Tag(name = "Incidents", description = "Crisis response: incident reports and recurrence-prevention agreements")
public class IncidentResource {

    private final IncidentService incidents;
    private final ContractService contracts;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public IncidentResource(IncidentService incidents, ContractService contracts, IdempotentRequests idempotency,
                            Caller caller) {
        this.incidents = incidents;
        this.contracts = contracts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Report an incident (either side)",
            description = "An ACTIVE contract enters INCIDENT. Records whether notification kept the SLA's promise. "
                    + "Publishes contract.incident-reported. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "409", description = "The contract is not ACTIVE or in INCIDENT")
    public Response reportIncident(@PathParam("id") UUID id, @Valid @NotNull NewIncident request,
                           @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/incidents by " + caller.requireOrganization(),
                request, () -> {
                    Incident i = incidents.report(id, request.toCommand(), caller);
                    return Response.created(URI.create("/api/v1/contracts/" + id + "/incidents/" + i.id))
                            .entity(IncidentView.of(i)).build();
                });
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Incidents of a contract")
    public Page<IncidentView> listIncidents(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        contracts.visible(id);
        return Page.of(Incident.find("contractId = ?1 order by detectedAt, id", id), page, IncidentView::of);
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "One incident")
    public IncidentView getIncident(@PathParam("id") UUID id, @PathParam("incidentId") UUID incidentId) {
        return IncidentView.of(incidents.find(id, incidentId, caller));
    }

    @POST
    @Path("/{incidentId}/measure")
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Propose the recurrence-prevention measure",
            description = "Any change clears both sides' agreement. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The incident with its proposed measure",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Response proposeMeasure(@PathParam("id") UUID id, @PathParam("incidentId") UUID incidentId,
                            @Valid @NotNull MeasureBody request, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/incidents/" + incidentId + "/measure by "
                + caller.requireOrganization(), request,
                () -> Response.ok(IncidentView.of(incidents.proposeMeasure(id, incidentId, request.toCommand(), caller))).build());
    }

    @POST
    @Path("/{incidentId}/agreement")
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Agree to the recurrence-prevention measure for the caller's side",
            description = "Leaving INCIDENT needs both sides' agreement (2省GL §3.2). Honours Idempotency-Key.")
    @APIResponse(responseCode = "409", description = "No measure proposed yet")
    @APIResponse(responseCode = "200", description = "The incident with the caller's agreement recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    public Response agreeMeasure(@PathParam("id") UUID id, @PathParam("incidentId") UUID incidentId,
                          @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/incidents/" + incidentId + "/agreement by "
                + caller.requireOrganization(), null,
                () -> Response.ok(IncidentView.of(incidents.agree(id, incidentId, caller))).build());
    }
}
