package org.sansho.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request to the API before the request is matched to an operation. Matching is where a
 * request is refused for its media types (406 for an {@code Accept} the operation does not produce, 415 for a body
 * it does not read), so without this a caller without credentials would learn those refusals before the 401. Every
 * API operation names its roles, so an anonymous caller is refused here with the same 401 problem+json that the
 * operation itself would answer; an invalid or expired token fails its authentication here too.
 *
 * <p>The exceptions are the paths a service lists in {@code sansho.security.public-paths}: operations whose caller
 * has no token by design and proves itself otherwise (the exchange of a respondent link's one-time token). They are
 * matched exactly, and their operations declare no roles.
 */
public class AuthenticateFirst {

    static final String API = "/api/";

    private final CurrentIdentityAssociation identities;
    private final Set<String> publicPaths;

    public AuthenticateFirst(CurrentIdentityAssociation identities,
                             @ConfigProperty(name = "sansho.security.public-paths") Optional<List<String>> publicPaths) {
        this.identities = identities;
        this.publicPaths = Set.copyOf(publicPaths.orElse(List.of()));
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Void> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(API) || publicPaths.contains(path)) {
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
