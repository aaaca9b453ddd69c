package org.sansho.platform.security;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.sansho.platform.problem.ProblemException;

import java.lang.reflect.Method;

/**
 * The one place where a scoped token ({@link TokenScope}) is confined, for every service: after the request is
 * matched to an operation and before the operation runs. An operation the token does not name, or one not marked
 * {@link ScopedOperation} at all, is refused with 403 problem+json; a record other than the token's in the
 * operation's path is a 404 problem+json, as if it did not exist (the answer another organization gets); so is a
 * record inside another record (an operation with {@link ScopedOperation#record()}, whose owner the service's
 * {@link ScopedGrants#ownerOf} resolves), and a list whose filter ({@link ScopedOperation#query()}) is missing or
 * names another record. What is left is checked by the service's {@link ScopedGrants}, if it has one (a withdrawn
 * grant). Ordinary tokens pass untouched.
 */
public class TokenScopeFilter {

    private final Caller caller;
    private final Instance<ScopedGrants> grants;

    public TokenScopeFilter(Caller caller, Instance<ScopedGrants> grants) {
        this.caller = caller;
        this.grants = grants;
    }

    @ServerRequestFilter
    public void confine(ContainerRequestContext request, ResourceInfo resource) {
        if (!request.getUriInfo().getPath().startsWith(AuthenticateFirst.API) || !caller.isAuthenticated()) {
            return;
        }
        TokenScope scope = caller.scope().orElse(null);
        if (scope == null) {
            return;
        }
        Method method = resource.getResourceMethod();
        ScopedOperation operation = method == null ? null : method.getAnnotation(ScopedOperation.class);
        if (operation == null || !scope.allows(operation.value()) || !operation.kind().equals(scope.kind())) {
            throw ProblemException.of(403, "outside-token-scope", "Outside the token's scope",
                    "This token is restricted to the operations " + scope.operations() + " on one "
                            + scope.kind() + "; this operation is not one of them");
        }
        String id = (operation.query() ? request.getUriInfo().getQueryParameters()
                : request.getUriInfo().getPathParameters()).getFirst(operation.pathParameter());
        if (id == null && operation.query()) {
            throw ProblemException.of(404, "not-found", "Not found", "This token reads the records of one "
                    + scope.kind() + " only: name it with the query parameter '" + operation.pathParameter() + "'");
        }
        if (operation.record().isEmpty()) {
            if (id == null || !id.equalsIgnoreCase(scope.id())) {
                throw ProblemException.notFound(capitalized(operation.kind()), id);
            }
        } else {
            String owner = id == null || !grants.isResolvable() ? null
                    : grants.get().ownerOf(operation.record(), id, scope.kind()).orElse(null);
            if (owner == null || !owner.equalsIgnoreCase(scope.id())) {
                throw ProblemException.notFound(capitalized(operation.record()), id);
            }
        }
        if (grants.isResolvable()) {
            grants.get().admit(caller, scope, operation.value(), request.getMethod() + " "
                    + request.getUriInfo().getPath());
        }
    }

    private static String capitalized(String kind) {
        return kind.isEmpty() ? kind : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
