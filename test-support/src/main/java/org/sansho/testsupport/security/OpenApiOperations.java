package org.sansho.testsupport.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.sansho.testsupport.Repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations of a service as its committed OpenAPI document ({@code docs/openapi/<service>.yaml}) states them:
 * method, path, the roles of its security requirement, parameters and request body schema. The document is kept equal
 * to the generated one by each service's ApiDocumentsTest, so what is read here is what the service declares.
 */
public final class OpenApiOperations {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One parameter of an operation. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@link #key()} is how rules files name it. */
    public record Operation(String method, String path, Set<String> roles, boolean secured, List<Parameter> parameters,
                            JsonNode bodySchema, String bodyMediaType) {
        public String key() {
            return method + " " + path;
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApiOperations(JsonNode document) {
        this.document = document;
        this.operations = read(document);
    }

    /** The committed document of a service, e.g. {@code contract-service}. */
    public static OpenApiOperations of(String service) {
        try {
            return new OpenApiOperations(YAML.readTree(
                    Repository.root().resolve("docs/openapi/" + service + ".yaml").toFile()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static OpenApiOperations parse(String yaml) {
        try {
            return new OpenApiOperations(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /**
     * The schema with {@code $ref} followed and {@code allOf} merged (properties, required), so that generators see
     * one object with its constraints.
     */
    public JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return YAML.createObjectNode();
        }
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            if (current.size() > 1) {
                ObjectNode merged = ((ObjectNode) target.deepCopy());
                current.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("$ref")) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                target = merged;
            }
            current = target;
        }
        if (current.has("allOf")) {
            ObjectNode merged = YAML.createObjectNode();
            ObjectNode properties = merged.putObject("properties");
            Set<String> required = new LinkedHashSet<>();
            for (JsonNode part : current.get("allOf")) {
                JsonNode r = resolve(part);
                r.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("properties")) {
                        properties.setAll((ObjectNode) f.getValue());
                    } else if (f.getKey().equals("required")) {
                        f.getValue().forEach(n -> required.add(n.asText()));
                    } else {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            current.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("allOf")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            required.forEach(merged.withArray("required")::add);
            return merged;
        }
        return current;
    }

    private static List<Operation> read(JsonNode doc) {
        List<Operation> result = new ArrayList<>();
        Set<String> globalRoles = roles(doc.path("security"));
        boolean globallySecured = doc.has("security") && requires(doc.path("security"));
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                boolean secured = op.has("security") ? requires(op.path("security")) : globallySecured;
                Set<String> roles = op.has("security") ? roles(op.path("security")) : globalRoles;
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> all = new ArrayList<>(shared);
                op.path("parameters").forEach(all::add);
                for (JsonNode p : all) {
                    JsonNode param = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                    parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), param.path("schema")));
                }
                JsonNode body = null;
                String mediaType = null;
                JsonNode content = op.path("requestBody").path("content");
                if (!content.isMissingNode() && content.size() > 0) {
                    Map.Entry<String, JsonNode> first = content.fields().next();
                    mediaType = first.getKey();
                    body = first.getValue().path("schema");
                }
                result.add(new Operation(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), roles,
                        secured, List.copyOf(parameters), body, mediaType));
            }
        }
        return List.copyOf(result);
    }

    /** Whether a security requirement list requires anything ({@code [{}]} states that none is needed). */
    private static boolean requires(JsonNode security) {
        for (JsonNode requirement : security) {
            if (!requirement.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> roles(JsonNode security) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : security) {
            requirement.fields().forEachRemaining(f -> f.getValue().forEach(r -> roles.add(r.asText())));
        }
        return roles;
    }
}
