package org.sansho.contract.reagreements.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.reagreements.persistence.ReagreementCase;
import org.sansho.contract.reagreements.service.ReagreementService;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/contracts/{id}/reagreements")
@Tag(name = "Re-agreements", description = "合意の維持 (2省GL §3.2.2): renewals of a contract's agreement that both "
        + "sides sign")
public class ReagreementResource {

    private final ReagreementService reagreements;
    private final ContractService contracts;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final Clock clock;

    public ReagreementResource(ReagreementService reagreements, ContractService contracts,
                               IdempotentRequests idempotency, Caller caller, Clock clock) {
        this.reagreements = reagreements;
        this.contracts = contracts;
        this.idempotency = idempotency;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Re-agreement cases of a contract, oldest first",
            description = "Each case names what changed (requirement keys of a superseding guideline version, or "
                    + "the amended terms), its due date and each side's consent.")
    @APIResponse(responseCode = "200", description = "A page of cases")
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller")
    public Page<ReagreementView> listReagreementCases(
            @PathParam("id") UUID id,
            @QueryParam("open") @Parameter(description = "only open (true) or only closed (false) cases")
            Boolean open,
            @Valid @BeanParam PageParams page) {
        contracts.readable(id);
        LocalDate today = LocalDate.now(clock);
        String query = "contractId = ?1" + (open == null ? "" : open ? " and closedAt is null"
                : " and closedAt is not null") + " order by openedAt, id";
        return Page.of(ReagreementCase.<ReagreementCase>find(query, id), page, r -> ReagreementView.of(r, today));
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "One re-agreement case")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "Unknown case or contract, or not visible to the caller")
    public ReagreementView getReagreementCase(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId) {
        contracts.readable(id);
        return ReagreementView.of(reagreements.find(id, caseId), LocalDate.now(clock));
    }

    @POST
    @Path("/{caseId}/consent")
    @Transactional
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR})
    @Operation(summary = "Consent to a re-agreement for the caller's side",
            description = "The side is the caller's organization: the hospital's procurement or the vendor's staff. "
                    + "The case closes when both sides have consented (2省GL §3.2.2), which publishes "
                    + "contract.reagreement-concluded. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Consent recorded; the case, closed if both sides consented")
    @APIResponse(responseCode = "403", description = "The caller acts for neither side of the contract")
    @APIResponse(responseCode = "404", description = "Unknown case or contract, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "The caller's side already consented, or the case is closed")
    public Response consentToReagreement(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
                                         @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/reagreements/" + caseId + "/consent by "
                + caller.requireOrganization(), null, () -> Response.ok(
                ReagreementView.of(reagreements.consent(id, caseId, caller), LocalDate.now(clock))).build());
    }
}
