package org.sansho.testsupport.security;

import org.sansho.testsupport.TestTokens;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls every operation of a service's OpenAPI document as every role, for the caller's own organization and for
 * another one, and as callers without a valid token, and compares each status with what the rules file declares:
 * a missing, expired or badly signed token → 401; a role the rule does not name → 403; another organization's record →
 * 404 (and no answer to another organization ever contains an id of the seeded organization); otherwise the rule's
 * status. An operation without a rule fails the run. A world's scoped tokens ({@link World#withToken}) call every
 * operation too and get 403 except where the rule grants their kind; a public operation is called without a token.
 */
public final class AuthorizationMatrix {

    /** A media type no operation reads or produces. */
    private static final String UNACCEPTABLE = "application/x-sansho-unknown";

    /** Every role a token may carry (org.sansho.platform.security.Roles). */
    public static final List<String> ROLES = List.of("catalog-admin", "procurement", "vendor", "auditor", "service");

    /** One call and its verdict. */
    public record Call(String operation, String caller, int expected, int actual, String problem) {
        @Override
        public String toString() {
            return operation + " as " + caller + ": expected " + expected + ", got " + actual
                    + (problem == null ? "" : " — " + problem);
        }
    }

    /** The outcome of a run. */
    public record Result(int operations, List<Call> calls, List<String> ruleProblems) {
        public List<Call> failures() {
            return calls.stream().filter(c -> c.problem() != null).toList();
        }

        public String summary() {
            return operations + " operations, " + calls.size() + " calls, " + failures().size() + " failures, "
                    + ruleProblems.size() + " rule problems";
        }

        /** Fails with every rule problem and every failed call listed. */
        public void assertPassed() {
            if (!ruleProblems.isEmpty() || !failures().isEmpty()) {
                throw new AssertionError(summary() + "\n" + String.join("\n", ruleProblems) + "\n"
                        + failures().stream().map(Call::toString).collect(Collectors.joining("\n")));
            }
        }
    }

    private AuthorizationMatrix() {
    }

    /**
     * The suite's expectation for one service: every operation of its OpenAPI document (at least
     * {@code minOperations}, so that a document that lost its operations fails) answers each role and organization as
     * the service's {@code authorization-rules.yaml} declares. Prints the summary.
     */
    public static void assertDeclared(String service, URI base, Supplier<World> seed, int minOperations) {
        OpenApiOperations api = OpenApiOperations.of(service);
        long start = System.nanoTime();
        Result result = run(base, api, AuthorizationRules.load(), seed);
        System.out.printf("%s authorization matrix: %s in %d ms%n", service, result.summary(),
                (System.nanoTime() - start) / 1_000_000);
        assertThat(result.operations()).isEqualTo(api.operations().size()).isGreaterThan(minOperations);
        result.assertPassed();
    }

    /**
     * @param base   the service's base URI (e.g. {@code http://localhost:8081})
     * @param seed   seeds a new world: records of one organization (pair) and the organization each role acts for
     */
    public static Result run(URI base, OpenApiOperations api, AuthorizationRules rules, Supplier<World> seed) {
        List<String> ruleProblems = rules.problems(api);
        rules.unused(api).forEach(k -> System.out.println("authorization-rules.yaml: " + k
                + " is not in the OpenAPI document (yet); its rule is not exercised"));
        List<Call> calls = new ArrayList<>();
        World other = seed.get();
        World own = seed.get();
        UUID anyOrg = firstOrganization(own);
        String strangerSigned = TestTokens.signedByStranger("auditor", anyOrg);
        for (OpenApiOperations.Operation op : api.operations()) {
            AuthorizationRules.Rule rule = rules.rule(op);
            if (rule == null) {
                continue;
            }
            if (rule.isPublic()) {
                // No bearer token by design: the request's own credential (e.g. a one-time link token) decides.
                World world = rule.fresh() ? seed.get() : own;
                calls.add(check(base, op, rule, world, null, "no token (public operation)", rule.status(),
                        Set.of()));
                continue;
            }
            // Scoped tokens (e.g. a respondent link's): only what the rule grants the kind, 403 for anything else.
            for (Map.Entry<String, String> kind : own.tokens().entrySet()) {
                int expected = rule.expectedForToken(kind.getKey());
                World world = expected < 300 && rule.fresh() ? seed.get() : own;
                calls.add(check(base, op, rule, world, world.tokens().get(kind.getKey()),
                        kind.getKey() + " token", expected, expected < 300 ? Set.of() : own.secrets()));
            }
            // Callers without a valid token: nothing is revealed, whatever the operation.
            calls.add(check(base, op, rule, own, null, "no token", 401, Set.of()));
            calls.add(check(base, op, rule, own, TestTokens.expired(firstRole(rule), anyOrg), "expired token", 401,
                    Set.of()));
            calls.add(check(base, op, rule, own, strangerSigned,
                    "token signed by an untrusted key", 401, Set.of()));
            // Authentication comes before content negotiation: a caller without credentials learns nothing about
            // the media types an operation reads or writes.
            calls.add(check(base, op, rule, own, null, "no token, an Accept the operation does not produce", 401,
                    Set.of(), Map.of("Accept", UNACCEPTABLE)));
            if (rule.body() != null) {
                calls.add(check(base, op, rule, own, null, "no token, a body type the operation does not read", 401,
                        Set.of(), Map.of("Content-Type", UNACCEPTABLE)));
            }
            // Denied roles and other organizations first: none of these calls may change anything.
            for (String role : ROLES) {
                boolean allowed = rule.roles().contains(role);
                UUID otherOrg = other.organizationOf(role);
                if (!allowed) {
                    calls.add(check(base, op, rule, own, token(role, own.organizationOf(role)),
                            role + " (own organization)", 403, Set.of()));
                    if (otherOrg != null) {
                        calls.add(check(base, op, rule, own, token(role, otherOrg), role + " (other organization)",
                                403, own.secrets()));
                    }
                } else if (otherOrg != null) {
                    calls.add(check(base, op, rule, own, token(role, otherOrg), role + " (other organization)",
                            rule.expectedForOther(role), own.secrets()));
                }
            }
            for (String role : ROLES) {
                if (!rule.roles().contains(role)) {
                    continue;
                }
                World world = rule.fresh() ? seed.get() : own;
                calls.add(check(base, op, rule, world, token(role, world.organizationOf(role)),
                        role + " (own organization)", rule.expectedFor(role), Set.of()));
            }
        }
        return new Result(api.operations().size(), calls, ruleProblems);
    }

    /** The answer to a rule's request in a world, with the given bearer token (null: none). */
    public static Probe.Answer call(URI base, OpenApiOperations.Operation op, AuthorizationRules.Rule rule, World world,
                                    String token) {
        return call(base, op, rule, world, token, Map.of());
    }

    /** The same, with some headers replaced (e.g. an Accept the operation does not produce). */
    static Probe.Answer call(URI base, OpenApiOperations.Operation op, AuthorizationRules.Rule rule, World world,
                             String token, Map<String, String> replaced) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", rule.stream() ? "text/event-stream" : "application/json, application/problem+json, */*");
        rule.headers().forEach((k, v) -> headers.put(k, world.fill(v)));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] body = null;
        if (rule.body() != null) {
            body = world.fill(rule.body()).getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", op.bodyMediaType() == null ? "application/json" : op.bodyMediaType());
        }
        headers.putAll(replaced);
        return Probe.send(op.method(), uri(base, op.path(), rule.path(), rule.query(), world), headers, body,
                rule.stream());
    }

    public static URI uri(URI base, String template, Map<String, String> path, Map<String, String> query, World world) {
        String p = template;
        for (Map.Entry<String, String> e : path.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", encode(world.fill(e.getValue())).replace("+", "%20"));
        }
        if (p.contains("{")) {
            throw new IllegalArgumentException(template + ": the rule gives no value for a path parameter");
        }
        String q = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(world.fill(e.getValue())))
                .collect(Collectors.joining("&"));
        String s = base.toString().replaceAll("/$", "") + p + (q.isEmpty() ? "" : "?" + q);
        return URI.create(s);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Call check(URI base, OpenApiOperations.Operation op, AuthorizationRules.Rule rule, World world,
                              String token, String caller, int expected, Set<String> secrets) {
        return check(base, op, rule, world, token, caller, expected, secrets, Map.of());
    }

    private static Call check(URI base, OpenApiOperations.Operation op, AuthorizationRules.Rule rule, World world,
                              String token, String caller, int expected, Set<String> secrets,
                              Map<String, String> replacedHeaders) {
        Probe.Answer answer;
        // What the caller named itself (the path's ids) is no revelation.
        String asked = (uri(base, op.path(), rule.path(), rule.query(), world) + " "
                + (rule.body() == null ? "" : world.fill(rule.body()))).toLowerCase(java.util.Locale.ROOT);
        try {
            answer = call(base, op, rule, world, token, replacedHeaders);
        } catch (RuntimeException e) {
            return new Call(op.key(), caller, expected, -1, e.toString());
        }
        String problem = null;
        if (answer.status() != expected) {
            problem = answer.excerpt();
        } else if (answer.status() >= 400 && !answer.isProblem()) {
            problem = "not application/problem+json but '" + answer.contentType() + "'";
        } else {
            String lower = answer.body().toLowerCase(java.util.Locale.ROOT);
            for (String secret : secrets) {
                if (lower.contains(secret) && !asked.contains(secret)) {
                    problem = "the answer reveals " + secret + " of another organization";
                    break;
                }
            }
        }
        return new Call(op.key(), caller, expected, answer.status(), problem);
    }

    private static String token(String role, UUID organization) {
        return organization == null ? TestTokens.token(role) : TestTokens.token(role, organization);
    }

    private static String firstRole(AuthorizationRules.Rule rule) {
        return rule.roles().isEmpty() ? "auditor" : rule.roles().iterator().next();
    }

    private static UUID firstOrganization(World world) {
        return ROLES.stream().map(world::organizationOf).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
