package org.sansho.contract.invitations.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.invitations.service.IssuedInvitation;
import org.sansho.contract.invitations.service.RespondentInvitationService;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/contracts/{id}/respondent-invitations")
@Tag(name = "Respondent links", description = "One-time links for vendor staff without an account: the hospital "
        + "invites a contact to one contract's disclosure package or its assessments; the link's exchange gives a "
        + "short-lived bearer token restricted to that contract and those operations")
public class RespondentInvitationResource {

    private final RespondentInvitationService invitations;
    private final Caller caller;
    private final Clock clock;

    public RespondentInvitationResource(RespondentInvitationService invitations, Caller caller, Clock clock) {
        this.invitations = invitations;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Invite a vendor contact to answer the disclosure package or the assessments (the "
            + "contract's hospital)",
            description = "Makes a one-time link for the contract's vendor organization: the answer carries the link's "
                    + "token, once (only its digest is kept), which the contact exchanges at "
                    + "POST /api/v1/respondent-links/exchange for a bearer token limited to this contract and the "
                    + "scope's operations: DISCLOSURE (the default) reads and answers the contract's disclosure "
                    + "package here, taken before the agreement only (DRAFT, DISCLOSURE_REQUESTED, "
                    + "UNDER_ASSESSMENT); ASSESSMENT reads the contract's assessments and answers their vendor "
                    + "items in the assessment-service, taken while the contract is live (not CLOSED or "
                    + "CANCELLED). The e-mail address is a label; no mail is sent. Not idempotent by key: a "
                    + "replayed answer would have to keep the token.")
    @APIResponse(responseCode = "201", description = "Invited; the invitation with its link's token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid invitation (e-mail address, validity)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the contract's hospital",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "DISCLOSURE: the contract is past the agreement "
            + "(disclosure-closed); ASSESSMENT: the contract is closed or cancelled (contract-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response inviteRespondent(@PathParam("id") UUID id, @Valid @NotNull InvitationBody request) {
        IssuedInvitation issued = invitations.invite(id, request.toCommand(), caller);
        return Response.created(URI.create("/api/v1/contracts/" + id + "/respondent-invitations/"
                        + issued.invitation().id))
                .entity(InvitationView.of(issued.invitation(), clock.instant(), issued.token())).build();
    }

    @GET
    @RolesAllowed({Roles.PROCUREMENT, Roles.AUDITOR})
    @Operation(summary = "The contract's respondent invitations (the hospital's)",
            description = "Every invitation of the contract, oldest first, with its status (PENDING, EXCHANGED, "
                    + "EXPIRED, REVOKED); never a link's token. The hospital's records: the vendor's side sees none.")
    @APIResponse(responseCode = "200", description = "The invitations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<InvitationView> listRespondentInvitations(@PathParam("id") UUID id) {
        var now = clock.instant();
        return invitations.list(id).stream().map(i -> InvitationView.of(i, now)).toList();
    }

    @POST
    @Path("/{invitationId}/revocation")
    @Transactional
    @RolesAllowed(Roles.PROCUREMENT)
    @Operation(summary = "Revoke a respondent invitation (the contract's hospital)",
            description = "The link can no longer be exchanged, and a bearer token its exchange gave is refused from "
                    + "now on (401 token-revoked). An invitation is revoked once.")
    @APIResponse(responseCode = "200", description = "Revoked; the invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "403", description = "The caller is not the contract's hospital",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown contract or invitation, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The invitation is already revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revokeRespondentInvitation(@PathParam("id") UUID id,
                                               @PathParam("invitationId") UUID invitationId) {
        return Response.ok(InvitationView.of(invitations.revoke(id, invitationId, caller), clock.instant())).build();
    }
}
