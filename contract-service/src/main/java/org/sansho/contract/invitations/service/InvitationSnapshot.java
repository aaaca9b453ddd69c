package org.sansho.contract.invitations.service;

import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.contract.invitations.domain.InvitationStatus;
import org.sansho.contract.invitations.persistence.RespondentInvitation;

import java.time.Instant;
import java.util.UUID;

/** An invitation as its audit records digest it (without the token's digest). */
public record InvitationSnapshot(UUID id, UUID contractId, UUID vendorId, String contactEmail, InvitationScope scope,
                                 InvitationStatus status, Instant expiresAt, Instant exchangedAt,
                                 Instant tokenExpiresAt, Instant revokedAt, String revokedBy) {

    public static InvitationSnapshot of(RespondentInvitation i, Instant now) {
        return new InvitationSnapshot(i.id, i.contractId, i.vendorId, i.contactEmail, i.scope, i.status(now),
                i.expiresAt, i.exchangedAt, i.tokenExpiresAt, i.revokedAt, i.revokedBy);
    }
}
