package org.sansho.contract.invitations.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sansho.contract.invitations.service.RespondentInvitationService;
import org.sansho.platform.problem.Problem;

@Path(InvitationView.EXCHANGE_PATH)
@Tag(name = "Respondent links")
public class RespondentLinkResource {

    private final RespondentInvitationService invitations;

    public RespondentLinkResource(RespondentInvitationService invitations) {
        this.invitations = invitations;
    }

    @POST
    @Transactional
    @PermitAll
    @SecurityRequirementsSet
    @Operation(summary = "Exchange a respondent link's token for a scoped bearer token (no Authorization)",
            description = "The one operation without a bearer token: the link's token is the credential. A link is "
                    + "exchanged once; concurrent exchanges of one link give one token, the others are refused. The "
                    + "bearer token acts as the contract's vendor organization for the operations it names "
                    + "(disclosure.read: GET /api/v1/contracts/{id}/disclosure; disclosure.answer: PUT "
                    + "/api/v1/contracts/{id}/disclosure/items/{rowKey}; assessment.read and assessment.answer: the "
                    + "assessment-service's reads of the contract's assessments and its answers to their items) on "
                    + "that contract only: any other operation is 403 outside-token-scope, any other contract (or "
                    + "another contract's assessment) 404, a revoked link's token 401 here; the assessment-service "
                    + "does not learn of the revocation, so there the token's short lifetime is the bound.")
    @APIResponse(responseCode = "200", description = "The scoped bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExchangeView.class)))
    @APIResponse(responseCode = "400", description = "No token given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No link has this token (unknown-respondent-link)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The link was already exchanged, has expired or was revoked "
            + "(respondent-link-exchanged, -expired, -revoked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exchangeRespondentLink(@Valid @NotNull ExchangeBody request) {
        return Response.ok(ExchangeView.of(invitations.exchange(request.token())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
