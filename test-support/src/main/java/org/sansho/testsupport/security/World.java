package org.sansho.testsupport.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of records seeded for one organization pair (e.g. a hospital and its vendor with a contract): the variables
 * rules refer to as {@code ${name}}, and which organization each role acts for. Every UUID among the variables is a
 * secret of this world: no caller of another world may ever see it.
 */
public final class World {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, UUID> organizations = new LinkedHashMap<>();
    private final Set<String> shared = new HashSet<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    public World set(String name, Object value) {
        variables.put(name, String.valueOf(value));
        return this;
    }

    /** A variable that is shared reference content (e.g. a catalog export), not a secret of this world. */
    public World setShared(String name, Object value) {
        shared.add(name);
        return set(name, value);
    }

    /** The organization a role's caller acts for in this world; roles without one get tokens without {@code org}. */
    public World actsFor(String role, UUID organization) {
        organizations.put(role, organization);
        return this;
    }

    /**
     * A bearer token of a special kind issued in this world, e.g. a respondent link's scoped token: the matrix calls
     * every operation with it and expects what the rule's {@code tokens} says for the kind (403 unless named).
     */
    public World withToken(String kind, String token) {
        tokens.put(kind, token);
        return this;
    }

    public Map<String, String> tokens() {
        return tokens;
    }

    public UUID organizationOf(String role) {
        return organizations.get(role);
    }

    public Map<String, String> variables() {
        return variables;
    }

    /** The ids of this world that no other organization may see. */
    public Set<String> secrets() {
        Set<String> secrets = new HashSet<>();
        variables.forEach((name, v) -> {
            if (shared.contains(name)) {
                return;
            }
            Matcher m = UUID_TEXT.matcher(v);
            while (m.find()) {
                secrets.add(m.group().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return secrets;
    }

    /** Replaces {@code ${name}} by the variable; {@code ${unique}} by a fresh value each time. */
    public String fill(String template) {
        if (template == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("unique")) {
                value = UUID.randomUUID().toString().substring(0, 8);
            } else if (name.equals("uuid")) {
                value = UUID.randomUUID().toString();
            } else {
                value = variables.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("The seeded world has no variable '" + name + "' (has "
                            + variables.keySet() + ")");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
