package org.sansho.assessment.assessments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.ScopedGrants;
import org.sansho.platform.security.TokenScope;

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
 * <p>Revocation: this service keeps no copy of the contract-service's invitations, so a revoked invitation's token
 * stays valid here until it expires; the token's short lifetime (the contract-service's
 * {@code sansho.respondent-links.token-lifetime}, 30 minutes by default) is the bound (docs/security.md).
 */
@ApplicationScoped
public class RespondentGrants implements ScopedGrants {

    static final String ASSESSMENT = "assessment";
    static final String ENTITY = "respondent-invitation";

    private final AuditTrail audit;

    public RespondentGrants(AuditTrail audit) {
        this.audit = audit;
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
            Set<UUID> organizations = new LinkedHashSet<>();
            Assessment.<Assessment>find("contractId", contract).firstResultOptional()
                    .ifPresent(a -> organizations.add(a.hospitalId));
            caller.organizationId().ifPresent(organizations::add);
            audit.record("respondent-invitation.used", ENTITY, scope.grant(), List.copyOf(organizations), null,
                    new Use(scope.grant(), contract, operation, method));
        });
    }

    /** What an audit record of a use digests (as the contract-service's record of a use does). */
    record Use(String invitation, UUID contract, String operation, String request) {
    }
}
