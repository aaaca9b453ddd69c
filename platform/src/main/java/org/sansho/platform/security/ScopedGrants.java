package org.sansho.platform.security;

/**
 * A service's check of the grant behind a scoped token, called by {@link TokenScopeFilter} for every request the
 * token makes inside its scope: the service refuses a token whose grant was withdrawn (a revoked respondent link)
 * and records the use. Optional: without an implementation the token's signature and expiry are the only checks.
 */
public interface ScopedGrants {

    /**
     * Admits one request of a scoped token, or throws a {@link org.sansho.platform.problem.ProblemException}.
     *
     * @param caller    the scoped token's caller
     * @param scope     its scope
     * @param operation the operation called ({@link ScopedOperation#value()})
     * @param method    the HTTP method and path, for the record of the use
     */
    void admit(Caller caller, TokenScope scope, String operation, String method);
}
