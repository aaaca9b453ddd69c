package org.sansho.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sansho.platform.problem.ProblemException;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Makes the verified token available as a typed {@link Caller} for the request. */
@RequestScoped
public class CallerProducer {

    private final JsonWebToken jwt;

    public CallerProducer(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** Request-scoped: singletons that inject a Caller always see the current request's caller. */
    @Produces
    @RequestScoped
    Caller caller() {
        if (jwt == null || jwt.getRawToken() == null) {
            return Caller.anonymous();
        }
        Object org = jwt.getClaim(Caller.ORGANIZATION_CLAIM);
        Optional<UUID> organization = Optional.empty();
        if (org != null) {
            String value = org.toString().replace("\"", "");
            try {
                organization = Optional.of(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                throw ProblemException.of(401, "unauthorized", "Unauthorized",
                        "The token's organization claim is not a valid id");
            }
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(jwt.getName() == null ? jwt.getSubject() : jwt.getName(), organization, groups,
                TokenScope.of(jwt));
    }
}
