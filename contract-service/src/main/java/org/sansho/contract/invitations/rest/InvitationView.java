package org.sansho.contract.invitations.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.contract.invitations.domain.InvitationStatus;
import org.sansho.contract.invitations.persistence.RespondentInvitation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A respondent invitation (the link's token is shown only in the answer that made it)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(UUID id, UUID contractId, UUID vendorId, String contactEmail, InvitationScope scope,
                             List<String> operations, InvitationStatus status, Instant expiresAt, String createdBy,
                             Instant createdAt, Instant exchangedAt, Instant tokenExpiresAt, String revokedBy,
                             Instant revokedAt,
                             @Schema(description = "The link's one-time token: only in the answer that made the "
                                     + "invitation; the service keeps its digest only")
                             String token,
                             @Schema(description = "Where the token is exchanged (POST, no Authorization)",
                                     example = "/api/v1/respondent-links/exchange")
                             String exchangePath) {

    public static final String EXCHANGE_PATH = "/api/v1/respondent-links/exchange";

    public static InvitationView of(RespondentInvitation i, Instant now) {
        return of(i, now, null);
    }

    public static InvitationView of(RespondentInvitation i, Instant now, String token) {
        return new InvitationView(i.id, i.contractId, i.vendorId, i.contactEmail, i.scope, i.scope.operations(),
                i.status(now), i.expiresAt, i.createdBy, i.createdAt, i.exchangedAt, i.tokenExpiresAt, i.revokedBy,
                i.revokedAt, token, EXCHANGE_PATH);
    }
}
