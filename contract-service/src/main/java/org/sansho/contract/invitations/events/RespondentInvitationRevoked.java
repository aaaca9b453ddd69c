package org.sansho.contract.invitations.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.invitations.domain.InvitationScope;
import org.sansho.platform.events.DataSchema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The hospital revoked a respondent invitation: every token exchanged for it is refused from now on, by the
 * contract-service at once and by every other service that accepts its scope once it has read this fact.
 *
 * @param invitationId the invitation; a scoped token names it in its {@code scope_grant} claim
 * @param scope        what the invitation opened (DISCLOSURE or ASSESSMENT)
 * @param revokedAt    when it was revoked
 */
@DataSchema("RespondentInvitationRevokedV1")
public record RespondentInvitationRevoked(@JsonUnwrapped ContractContext context, UUID invitationId,
                                          InvitationScope scope, OffsetDateTime revokedAt) {
}
