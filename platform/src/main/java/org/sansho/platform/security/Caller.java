package org.sansho.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the token's subject, the organization it acts for (claim {@code org}) and its roles.
 * Services decide tenancy with this value, never with raw claims.
 */
public record Caller(String subject, Optional<UUID> organizationId, Set<String> roles) {

    /** The token claim that names the caller's organization. */
    public static final String ORGANIZATION_CLAIM = "org";

    public static final Caller ANONYMOUS = new Caller("anonymous", Optional.empty(), Set.of());

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isService() {
        return hasRole(Roles.SERVICE);
    }

    /** Whether the caller acts for this organization (services act for every organization). */
    public boolean actsFor(UUID organization) {
        return isService() || organizationId.map(o -> o.equals(organization)).orElse(false);
    }

    /** The caller's organization; a token without one cannot act for any organization. */
    public UUID requireOrganization() {
        return organizationId.orElseThrow(() -> org.sansho.platform.problem.ProblemException.forbidden(
                "The token names no organization (claim '" + ORGANIZATION_CLAIM + "')"));
    }
}
