package org.sansho.platform.security;

import org.sansho.platform.problem.ProblemException;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the token's subject, the organization it acts for (claim {@code org}) and its roles.
 * Services decide tenancy with this value, never with raw claims.
 *
 * <p>A request-scoped bean (see {@link CallerProducer}): what is injected is a proxy to the current request's
 * caller, so it is safe to inject into singletons such as REST resources and application-scoped services.
 * That is why this is a class with a no-argument constructor rather than a record.
 */
public class Caller {

    /** The token claim that names the caller's organization. */
    public static final String ORGANIZATION_CLAIM = "org";

    private final String subject;
    private final Optional<UUID> organizationId;
    private final Set<String> roles;
    private final boolean authenticated;
    private final Optional<TokenScope> scope;

    /** For the CDI client proxy only. */
    protected Caller() {
        this("anonymous", Optional.empty(), Set.of(), false);
    }

    public Caller(String subject, Optional<UUID> organizationId, Set<String> roles) {
        this(subject, organizationId, roles, true, Optional.empty());
    }

    /** A caller whose token is restricted to one record and a few operations ({@link TokenScope}). */
    public Caller(String subject, Optional<UUID> organizationId, Set<String> roles, Optional<TokenScope> scope) {
        this(subject, organizationId, roles, true, scope);
    }

    private Caller(String subject, Optional<UUID> organizationId, Set<String> roles, boolean authenticated) {
        this(subject, organizationId, roles, authenticated, Optional.empty());
    }

    private Caller(String subject, Optional<UUID> organizationId, Set<String> roles, boolean authenticated,
                   Optional<TokenScope> scope) {
        this.subject = subject;
        this.organizationId = organizationId;
        this.roles = Set.copyOf(roles);
        this.authenticated = authenticated;
        this.scope = scope;
    }

    static Caller anonymous() {
        return new Caller("anonymous", Optional.empty(), Set.of(), false);
    }

    /** Whether a verified token names this caller (false for a request without one). */
    public boolean isAuthenticated() {
        return authenticated;
    }

    public String subject() {
        return subject;
    }

    public Optional<UUID> organizationId() {
        return organizationId;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The restriction of a scoped token (a respondent link's); empty for an ordinary token. */
    public Optional<TokenScope> scope() {
        return scope;
    }

    public boolean isService() {
        return hasRole(Roles.SERVICE);
    }

    /** Whether the caller acts for this organization (services act for every organization). */
    public boolean actsFor(UUID organization) {
        return isService() || organizationId().map(o -> o.equals(organization)).orElse(false);
    }

    /** The caller's organization; a token without one cannot act for any organization. */
    public UUID requireOrganization() {
        return organizationId().orElseThrow(() -> ProblemException.forbidden(
                "The token names no organization (claim '" + ORGANIZATION_CLAIM + "')"));
    }

    @Override
    public String toString() {
        return "Caller[" + subject() + ", org=" + organizationId().map(UUID::toString).orElse("-") + ", roles="
                + roles() + scope.map(x -> ", scope=" + x.resource()).orElse("") + "]";
    }
}
