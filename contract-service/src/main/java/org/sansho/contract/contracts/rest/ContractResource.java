package org.sansho.contract.contracts.rest;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.persistence.AssessmentResultRow;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.ContractTransition;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/contracts")
@Tag(name = "Contracts", description = "Hospital–vendor contracts through pre-contract, in-contract and post-termination")
public class ContractResource {

    private final ContractService contracts;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ContractResource(ContractService contracts, IdempotentRequests idempotency, Caller caller) {
        this.contracts = contracts;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Open a contract (DRAFT) for the caller's hospital",
            description = "Publishes contract.created. Honours Idempotency-Key: a retry returns the first result.")
    @APIResponse(responseCode = "201", description = "Opened; Location names the contract",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "422", description = "The baseline names a version the catalog does not hold as "
            + "PUBLISHED with requirements; errors[] names each entry (baseline[i])")
    public Response openContract(@Valid @NotNull NewContract request, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts by " + caller.requireOrganization(), request, () -> {
            Contract c = contracts.open(request.toCommand(), caller);
            return Response.created(URI.create("/api/v1/contracts/" + c.id)).tag(Preconditions.etag(c.version))
                    .entity(ContractView.of(c)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Contracts the caller may see, filtered and paginated")
    public Page<ContractView> listContracts(
            @QueryParam("hospitalId") UUID hospitalId,
            @QueryParam("vendorId") UUID vendorId,
            @QueryParam("phase") ContractPhase phase,
            @QueryParam("state") ContractState state,
            @QueryParam("reagreementRequired") Boolean reagreementRequired,
            @QueryParam("noticeDeadlineBefore") @Parameter(description = "notice deadline on or before this date",
                    example = "2026-12-31") LocalDate noticeDeadlineBefore,
            @Valid @BeanParam PageParams page) {
        // Which contracts the caller may see is the platform's tenant filter; these are the caller's own filters.
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        if (hospitalId != null) {
            where.add("hospitalId = :hospitalId");
            params.and("hospitalId", hospitalId);
        }
        if (vendorId != null) {
            where.add("vendorId = :vendorId");
            params.and("vendorId", vendorId);
        }
        if (phase != null) {
            where.add("phase = :phase");
            params.and("phase", phase);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        if (reagreementRequired != null) {
            where.add("reagreementRequired = :reagreement");
            params.and("reagreement", reagreementRequired);
        }
        if (noticeDeadlineBefore != null) {
            where.add("noticeDeadline <= :deadline");
            params.and("deadline", noticeDeadlineBefore);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by createdAt desc, id";
        return Page.of(Contract.find(query, params), page, ContractView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "One contract, with its ETag",
            description = "If-None-Match with the current ETag answers 304 without a body.")
    @APIResponse(responseCode = "200", description = "The contract; ETag = its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller")
    public Response getContract(@PathParam("id") UUID id, @Context Request request) {
        Contract c = contracts.readable(id);
        return Preconditions.read(request, c.version, () -> ContractView.of(c));
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Amend a contract (baseline, terms, SLA, responsibility split, activity)",
            description = "Needs If-Match with the current ETag. Publishes contract.amended. Changing the baseline, "
                    + "SLA or responsibilities of an agreed contract opens a re-agreement case both sides consent to "
                    + "(合意の維持, 2省GL §3.2.2); no amendment closes one.")
    @APIResponse(responseCode = "200", description = "Amended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "412", description = "The ETag is stale")
    @APIResponse(responseCode = "422", description = "The new baseline adds a version the catalog does not hold as "
            + "PUBLISHED with requirements; errors[] names each entry")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response amendContract(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull ContractPatch patch) {
        Contract c = contracts.amend(id, ifMatch, patch.toCommand(), caller);
        return Response.ok(ContractView.of(c)).tag(Preconditions.etag(c.version)).build();
    }

    @POST
    @Path("/{id}/transitions")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Move the contract to another state",
            description = "Checks the lifecycle and the guards of the target state. If-Match is optional. "
                    + "Publishes contract.state-changed (and contract.closed). Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Moved; the contract in its new state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", description = "Refused: the problem's guards name every failed guard")
    @APIResponse(responseCode = "412", description = "If-Match was given and is stale")
    public Response transitionContract(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull TransitionRequest request,
                               @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/transitions by " + caller.requireOrganization(),
                request, () -> {
                    Contract c = contracts.transition(id, ifMatch, request.toCommand(), caller);
                    return Response.ok(ContractView.of(c)).tag(Preconditions.etag(c.version)).build();
                });
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "The contract's state transitions, oldest first")
    public Page<HistoryEntry> getContractHistory(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        contracts.readable(id);
        return Page.of(ContractTransition.find("contractId = ?1 order by occurredAt, id", id), page,
                HistoryEntry::of);
    }

    @GET
    @Path("/{id}/assessments")
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "The latest assessment result per phase, as the transition guards see it")
    public List<AssessmentResultView> listContractAssessmentResults(@PathParam("id") UUID id) {
        contracts.readable(id);
        return AssessmentResultRow.<AssessmentResultRow>list("key.contractId = ?1 order by key.phase", id).stream()
                .map(AssessmentResultView::of).toList();
    }
}
