package org.sansho.platform.security;

import java.util.Optional;

/**
 * A service's check of the grant behind a scoped token, called by {@link TokenScopeFilter} for every request the
 * token makes inside its scope: the service refuses a token whose grant was withdrawn (a revoked respondent link)
 * and records the use. Optional: without an implementation the token's signature and expiry are the only checks,
 * and no operation may name a {@link ScopedOperation#record()}.
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

    /**
     * The id of the record of kind {@code scopeKind} that a record inside it belongs to (e.g. the contract of an
     * assessment), for operations that name a {@link ScopedOperation#record()}; empty when there is no such record.
     * Nothing by default: a service whose operations only name the token's record itself needs none.
     *
     * @param record    the kind of the record in the request ({@link ScopedOperation#record()})
     * @param id        its id as the request gives it (not validated yet)
     * @param scopeKind the kind of the token's record ({@link TokenScope#kind()})
     */
    default Optional<String> ownerOf(String record, String id, String scopeKind) {
        return Optional.empty();
    }
}
