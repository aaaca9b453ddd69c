package org.sansho.contract.invitations.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.ScopedGrants;
import org.sansho.platform.security.TokenScope;

/**
 * The contract-service's check of a scoped token's grant: the respondent invitation must not be revoked, and each
 * request is recorded as a use of it, in a transaction of its own (a read has none; a refused change still shows
 * that it was tried).
 */
@ApplicationScoped
public class RespondentGrants implements ScopedGrants {

    private final RespondentInvitationService invitations;

    public RespondentGrants(RespondentInvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void admit(Caller caller, TokenScope scope, String operation, String method) {
        QuarkusTransaction.requiringNew().run(() -> invitations.admit(caller, scope, operation, method));
    }
}
