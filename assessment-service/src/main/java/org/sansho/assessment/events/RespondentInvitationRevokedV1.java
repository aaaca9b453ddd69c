package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code org.sansho.contract.respondent-invitation.revoked.v1} as this service reads it (docs/asyncapi.yaml,
 * RespondentInvitationRevokedV1): the revoked invitation, which a respondent link's scoped token names in its
 * {@code scope_grant} claim, and its contract. Properties a later minor revision adds are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RespondentInvitationRevokedV1(UUID contractId, UUID hospitalId, UUID vendorId, UUID invitationId,
                                            String scope, OffsetDateTime revokedAt) {
}
