package org.sansho.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every request to the API before the request is matched to an operation. Matching is where a
 * request is refused for its media types (406 for an {@code Accept} the operation does not produce, 415 for a body
 * it does not read), so without this a caller without credentials would learn those refusals before the 401. Every
 * API operation names its roles, so an anonymous caller is refused here with the same 401 problem+json that the
 * operation itself would answer; an invalid or expired token fails its authentication here too.
 */
public class AuthenticateFirst {

    static final String API = "/api/";

    private final CurrentIdentityAssociation identities;

    public AuthenticateFirst(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(API)) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().onItem().transform(AuthenticateFirst::known);
    }

    private static Void known(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        return null;
    }
}
