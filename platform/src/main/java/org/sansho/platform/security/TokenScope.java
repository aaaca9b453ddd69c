package org.sansho.platform.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sansho.platform.problem.ProblemException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The restriction a scoped token carries: one record ({@code <kind>:<id>}, e.g. {@code contract:<uuid>}) and the
 * operations allowed on it, granted by {@code grant} (e.g. a respondent invitation's id). A token with the claim
 * {@value #RESOURCE_CLAIM} is a scoped token; {@link TokenScopeFilter} refuses every request it makes outside that
 * record and those operations, before the operation runs.
 *
 * @param resource   {@code <kind>:<id>}
 * @param operations the names of the operations allowed ({@link ScopedOperation#value()})
 * @param grant      what granted the token, checked by the service's {@link ScopedGrants}
 */
public record TokenScope(String resource, Set<String> operations, String grant) {

    public static final String RESOURCE_CLAIM = "scope_resource";
    public static final String OPERATIONS_CLAIM = "scope_operations";
    public static final String GRANT_CLAIM = "scope_grant";

    public TokenScope {
        operations = Set.copyOf(operations);
    }

    /** The kind of the record, e.g. {@code contract}. */
    public String kind() {
        int colon = resource.indexOf(':');
        return colon < 0 ? resource : resource.substring(0, colon);
    }

    /** The record's id as the token names it. */
    public String id() {
        int colon = resource.indexOf(':');
        return colon < 0 ? "" : resource.substring(colon + 1);
    }

    public boolean allows(String operation) {
        return operations.contains(operation);
    }

    /** The scope of a verified token, or empty for an ordinary token; a malformed scope is a 401. */
    static Optional<TokenScope> of(JsonWebToken jwt) {
        Object resource = jwt.getClaim(RESOURCE_CLAIM);
        if (resource == null) {
            return Optional.empty();
        }
        String r = text(resource);
        Set<String> operations = new LinkedHashSet<>();
        Object ops = jwt.getClaim(OPERATIONS_CLAIM);
        if (ops instanceof JsonArray array) {
            for (JsonValue v : array) {
                operations.add(text(v));
            }
        } else if (ops instanceof Collection<?> list) {
            list.forEach(o -> operations.add(text(o)));
        }
        Object grant = jwt.getClaim(GRANT_CLAIM);
        if (r.isBlank() || r.indexOf(':') < 1 || operations.isEmpty() || grant == null) {
            throw ProblemException.of(401, "unauthorized", "Unauthorized", "The token's scope is malformed");
        }
        return Optional.of(new TokenScope(r, operations, text(grant)));
    }

    private static String text(Object o) {
        if (o instanceof JsonString s) {
            return s.getString();
        }
        return o.toString().replace("\"", "");
    }
}
