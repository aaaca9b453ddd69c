package org.sansho.assessment.assessments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.events.RespondentInvitationRevokedV1;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.inbox.PoisonEventException;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.ScopedGrants;
import org.sansho.platform.security.TokenScope;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The assessment-service's side of a respondent link's scoped token (issued by the contract-service's exchange for
 * an invitation of scope ASSESSMENT; {@code contract:<id>}, operations {@code assessment.read} and
 * {@code assessment.answer}). The token names a contract, the operations name an assessment: an assessment belongs
 * to the token's contract or is not found ({@link #ownerOf}). Every request the token makes is an audit record of the
 * invitation ({@code respondent-invitation.used}, the same entity and action as in the contract-service), in a
 * transaction of its own, so a refused change still shows that it was tried.
 *
 * <p>Revocation: the contract-service announces a revoked invitation
 * ({@code org.sansho.contract.respondent-invitation.revoked.v1}); this service keeps its id ({@link #revoked}) and
 * refuses from then on every token whose {@code scope_grant} names it, with the contract-service's answer (401
 * token-revoked). Between the revocation and the consumption of its event the token still works here; that lag is
 * the consumer's, seconds when the suite is healthy, and the token's short lifetime bounds it (docs/security.md).
 */
@ApplicationScoped
public class RespondentGrants implements ScopedGrants {

    static final String ASSESSMENT = "assessment";
    static final String ENTITY = "respondent-invitation";

    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public RespondentGrants(AuditTrail audit, EntityManager em, Clock clock) {
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Override
    public Optional<String> ownerOf(String record, String id, String scopeKind) {
        if (!ASSESSMENT.equals(record) || !"contract".equals(scopeKind)) {
            return Optional.empty();
        }
        UUID assessment;
        try {
            assessment = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // In the caller's tenancy: another organization's assessment is not found, like any other.
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(
                Assessment.<Assessment>findById(assessment)).map(a -> a.contractId.toString()));
    }

    @Override
    public void admit(Caller caller, TokenScope scope, String operation, String method) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID contract;
            try {
                contract = UUID.fromString(scope.id());
            } catch (IllegalArgumentException e) {
                throw ProblemException.of(401, "unauthorized", "Unauthorized", "The token's scope is malformed");
            }
            if (isRevoked(scope.grant())) {
                throw revokedToken();
            }
            Set<UUID> organizations = new LinkedHashSet<>();
            Assessment.<Assessment>find("contractId", contract).firstResultOptional()
                    .ifPresent(a -> organizations.add(a.hospitalId));
            caller.organizationId().ifPresent(organizations::add);
            audit.record("respondent-invitation.used", ENTITY, scope.grant(), List.copyOf(organizations), null,
                    new Use(scope.grant(), contract, operation, method));
        });
    }

    /**
     * Records a revoked invitation, in the inbox transaction of its event; a redelivered event (or a second event of
     * the same invitation) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoked(CloudEvent event, RespondentInvitationRevokedV1 revoked) {
        if (revoked.invitationId() == null || revoked.contractId() == null || revoked.hospitalId() == null
                || revoked.vendorId() == null || revoked.revokedAt() == null) {
            throw new PoisonEventException("a respondent invitation's revocation without its invitation, contract, "
                    + "parties or time: " + event.id());
        }
        em.createNativeQuery("""
                        insert into revoked_respondent_grant (invitation_id, contract_id, hospital_id, vendor_id,
                            revoked_at, event_id, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (invitation_id) do nothing""")
                .setParameter(1, revoked.invitationId()).setParameter(2, revoked.contractId())
                .setParameter(3, revoked.hospitalId()).setParameter(4, revoked.vendorId())
                .setParameter(5, revoked.revokedAt().toInstant()).setParameter(6, event.id())
                .setParameter(7, clock.instant()).executeUpdate();
    }

    /** Whether the token's grant is a revoked invitation (a primary-key lookup); a grant that is no id is. */
    private boolean isRevoked(String grant) {
        UUID invitation;
        try {
            invitation = UUID.fromString(grant);
        } catch (IllegalArgumentException | NullPointerException e) {
            return true;
        }
        return !em.createNativeQuery("select 1 from revoked_respondent_grant where invitation_id = ?1")
                .setParameter(1, invitation).setMaxResults(1).getResultList().isEmpty();
    }

    /** The contract-service's answer to a revoked invitation's token (RespondentInvitationService). */
    private static ProblemException revokedToken() {
        return ProblemException.of(401, "token-revoked", "Token revoked",
                "The respondent link behind this token was revoked by the hospital / このリンクは取り消されました");
    }

    /** What an audit record of a use digests (as the contract-service's record of a use does). */
    record Use(String invitation, UUID contract, String operation, String request) {
    }
}
