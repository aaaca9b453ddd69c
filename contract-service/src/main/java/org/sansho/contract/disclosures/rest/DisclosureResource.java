package org.sansho.contract.disclosures.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.disclosures.service.DisclosurePackageState;
import org.sansho.contract.disclosures.service.DisclosureService;
import org.sansho.contract.invitations.domain.InvitationScope.Operations;
import org.sansho.platform.idempotency.IdempotentRequests;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.platform.security.ScopedOperation;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/contracts/{id}/disclosure")
@Tag(name = "Disclosure", description = "The vendor's disclosure package per contract and the hospital's review "
        + "towards shared understanding (共通理解, 2省GL §3.2.1; vendor guideline §4.1 表4-1)")
public class DisclosureResource {

    private final DisclosureService disclosures;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public DisclosureResource(DisclosureService disclosures, IdempotentRequests idempotency, Caller caller) {
        this.disclosures = disclosures;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.VENDOR, Roles.AUDITOR, Roles.SERVICE})
    @ScopedOperation(Operations.DISCLOSURE_READ)
    @Operation(summary = "The contract's disclosure package",
            description = "One row per item of the catalog's disclosure templates (表4-1, JAHIS SDS headings) with the "
                    + "vendor's answer, the hospital's review and, for a row that asks for a registered fact (data "
                    + "location, certifications, backup generations, subcontractors), the registered value beside the "
                    + "vendor's statement. Before the vendor's first answer the rows are the catalog's, all OPEN. "
                    + "ETag = the package's version (0 before it starts).")
    @APIResponse(responseCode = "200", description = "The package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosurePackageView.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The package has not started and the catalog cannot be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getDisclosurePackage(@PathParam("id") UUID id) {
        return ok(disclosures.read(id));
    }

    @PUT
    @Path("/items/{rowKey}")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @ScopedOperation(Operations.DISCLOSURE_ANSWER)
    @Operation(summary = "Answer one disclosure row (the contract's vendor)",
            description = "Statement and evidence references. The first answer starts the package. A new answer "
                    + "sets the row to ANSWERED for the hospital to review again, also after NEEDS_INFORMATION or "
                    + "ACCEPTED. Taken before the agreement only (DRAFT, DISCLOSURE_REQUESTED, UNDER_ASSESSMENT). "
                    + "If-Match (the package's ETag) is optional.")
    @APIResponse(responseCode = "200", description = "Answered; the package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosurePackageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the contract's vendor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The contract is past the agreement (disclosure-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match was given and is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The package has no row with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response answerDisclosureItem(@PathParam("id") UUID id,
                                         @PathParam("rowKey") @Parameter(example = "vendor-gl-table-4-1.1")
                                         String rowKey,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @Valid @NotNull DisclosureAnswerBody answer) {
        return ok(disclosures.answer(id, rowKey, ifMatch, answer.toCommand(), caller));
    }

    @POST
    @Path("/items/{rowKey}/review")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Review one answered disclosure row (the contract's hospital)",
            description = "ACCEPTED, or NEEDS_INFORMATION with a comment saying what is missing. When the last row "
                    + "is accepted the package reaches shared understanding and publishes "
                    + "contract.disclosure.shared-understanding-reached. If-Match is optional. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Reviewed; the package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosurePackageView.class)))
    @APIResponse(responseCode = "400", description = "Invalid review (NEEDS_INFORMATION without a comment)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the contract's hospital",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The row is not answered yet, or the contract is past the "
            + "agreement", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match was given and is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The package has no row with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reviewDisclosureItem(@PathParam("id") UUID id,
                                         @PathParam("rowKey") @Parameter(example = "vendor-gl-table-4-1.1")
                                         String rowKey,
                                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @Valid @NotNull DisclosureReviewBody review,
                                         @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/disclosure/items/" + rowKey + "/review by "
                + caller.requireOrganization(), review,
                () -> ok(disclosures.review(id, rowKey, ifMatch, review.toCommand(), caller)));
    }

    @POST
    @Path("/copy")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Start the package from the vendor's answers to another of its contracts",
            description = "Reuse for another hospital: the answers of the package of `copyFrom` (a contract of the "
                    + "caller's organization as vendor) are copied, not shared; every copied row is ANSWERED for this "
                    + "contract's hospital to review. Only a package without answers is started this way. "
                    + "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Copied; Location names the package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DisclosurePackageView.class)))
    @APIResponse(responseCode = "400", description = "copyFrom is missing, this contract, not the caller's, or has "
            + "no answers", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the contract's vendor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The package already holds answers, or the contract is past "
            + "the agreement", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response copyDisclosurePackage(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                          @Valid @NotNull DisclosureCopyBody request,
                                          @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(key, "POST /contracts/" + id + "/disclosure/copy by "
                + caller.requireOrganization(), request, () -> {
                    DisclosurePackageState s = disclosures.copy(id, ifMatch, request.toCommand(), caller);
                    return Response.created(URI.create("/api/v1/contracts/" + id + "/disclosure"))
                            .tag(Preconditions.etag(s.version())).entity(DisclosurePackageView.of(s)).build();
                });
    }

    private static Response ok(DisclosurePackageState s) {
        return Response.ok(DisclosurePackageView.of(s)).tag(Preconditions.etag(s.version())).build();
    }
}
