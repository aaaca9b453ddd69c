package org.sansho.testsupport.security;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The access rule each operation of a service must have, declared in the service's test resource
 * {@code authorization-rules.yaml}:
 *
 * <pre>
 * operations:
 *   GET /api/v1/contracts/{id}:
 *     roles: [procurement, vendor, auditor, service]   # must equal the OpenAPI security requirement
 *     scope: organization      # organization: another organization's caller gets 404; any: no tenancy
 *     path: {id: "${contract}"}                   # values; ${name} is a variable of the seeded world
 *     query: {page: "0"}
 *     headers: {If-Match: "${contractEtag}"}
 *     body: '{"title": "x"}'                      # a valid request body
 *     status: 200              # what an allowed caller of the own organization gets; or per role {vendor: 201}
 *     other: 400               # what an allowed caller of another organization gets (default: 404 for scope
 *                              # organization, the status for scope any)
 *     fresh: true              # every allowed call gets a newly seeded world (the call changes state)
 *     stream: true             # a server-sent event stream: only the status is read
 *     public: true             # no bearer token by design (roles: []); probed without a token only
 *     tokens: {respondent: 200} # what a caller with one of the world's scoped tokens gets (World#withToken);
 *                              # every kind not listed gets 403: a scoped token can do nothing else
 * </pre>
 */
public final class AuthorizationRules {

    public enum Scope { ORGANIZATION, ANY }

    public record Rule(String key, Set<String> roles, Scope scope, Map<String, String> path, Map<String, String> query,
                       Map<String, String> headers, String body, Map<String, Integer> statusByRole, int status,
                       Integer other, boolean fresh, boolean stream, boolean isPublic,
                       Map<String, Integer> tokenKinds) {
        public int expectedFor(String role) {
            return statusByRole.getOrDefault(role, status);
        }

        /** What an allowed role gets when it acts for another organization than the records'. */
        public int expectedForOther(String role) {
            if (other != null) {
                return other;
            }
            return scope == Scope.ORGANIZATION ? 404 : expectedFor(role);
        }

        /** What a caller with a scoped token of this kind gets: 403 unless the rule names the kind. */
        public int expectedForToken(String kind) {
            return tokenKinds.getOrDefault(kind, 403);
        }
    }

    private final Map<String, Rule> rules;

    private AuthorizationRules(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** Reads {@code authorization-rules.yaml} from the test class path. */
    public static AuthorizationRules load() {
        return load("authorization-rules.yaml");
    }

    public static AuthorizationRules load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test class path");
            }
            JsonNode doc = OpenApiOperations.YAML.readTree(in);
            Map<String, Rule> rules = new LinkedHashMap<>();
            doc.path("operations").fields().forEachRemaining(e -> rules.put(e.getKey(), rule(e.getKey(), e.getValue())));
            return new AuthorizationRules(rules);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Rule> rules() {
        return rules;
    }

    public Rule rule(OpenApiOperations.Operation op) {
        return rules.get(op.key());
    }

    /**
     * Every difference between the document and the rules that fails the matrix: an operation without a rule, an
     * operation without security requirement, and roles that differ from the declared ones.
     */
    public List<String> problems(OpenApiOperations api) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (OpenApiOperations.Operation op : api.operations()) {
            keys.add(op.key());
            Rule rule = rules.get(op.key());
            if (rule == null) {
                problems.add(op.key() + ": no access rule declared in authorization-rules.yaml");
                continue;
            }
            if (rule.isPublic()) {
                if (op.secured() || !op.roles().isEmpty() || !rule.roles().isEmpty()) {
                    problems.add(op.key() + ": a public operation declares no roles and no security requirement");
                }
                continue;
            }
            if (!op.secured() || op.roles().isEmpty()) {
                problems.add(op.key() + ": the OpenAPI document states no security requirement with roles");
            }
            if (!new TreeSet<>(rule.roles()).equals(new TreeSet<>(op.roles()))) {
                problems.add(op.key() + ": the rule allows " + new TreeSet<>(rule.roles())
                        + " but the OpenAPI document declares " + op.roles());
            }
        }
        return problems;
    }

    /**
     * Rules for operations the document does not (yet) have, e.g. the platform's audit endpoints before a service's
     * document is regenerated. Reported, not failed: an operation without a rule is what must never ship.
     */
    public List<String> unused(OpenApiOperations api) {
        Set<String> keys = new TreeSet<>();
        api.operations().forEach(op -> keys.add(op.key()));
        return rules.keySet().stream().filter(k -> !keys.contains(k)).toList();
    }

    private static Rule rule(String key, JsonNode node) {
        Set<String> roles = new TreeSet<>();
        node.path("roles").forEach(r -> roles.add(r.asText()));
        Scope scope = Scope.valueOf(node.path("scope").asText("organization").toUpperCase(java.util.Locale.ROOT));
        Map<String, Integer> byRole = new LinkedHashMap<>();
        int status = 200;
        JsonNode s = node.path("status");
        if (s.isObject()) {
            s.fields().forEachRemaining(f -> byRole.put(f.getKey(), f.getValue().asInt()));
        } else if (!s.isMissingNode()) {
            status = s.asInt();
        }
        String body = node.has("body") ? (node.get("body").isTextual() ? node.get("body").asText()
                : node.get("body").toString()) : null;
        return new Rule(key, roles, scope, strings(node.path("path")), strings(node.path("query")),
                strings(node.path("headers")), body, byRole, status,
                node.has("other") ? node.get("other").asInt() : null, node.path("fresh").asBoolean(false),
                node.path("stream").asBoolean(false), node.path("public").asBoolean(false),
                integers(node.path("tokens")));
    }

    private static Map<String, Integer> integers(JsonNode node) {
        Map<String, Integer> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asInt()));
        return map;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
        return map;
    }
}
