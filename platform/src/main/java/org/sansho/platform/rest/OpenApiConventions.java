package org.sansho.platform.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.sansho.platform.problem.Problem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document says the same way, written once: the answers the platform gives on every
 * operation, and the body of every error.
 * <ul>
 *   <li>Every 4xx and 5xx response carries {@code application/problem+json} with the {@code Problem} schema, which is
 *       what the platform's exception mappers send.</li>
 *   <li>The statuses the platform itself answers are listed where they can happen: 400 (a parameter or body that
 *       does not validate), 404 (a path naming a record the caller cannot see), 406 (an {@code Accept} the
 *       operation cannot produce), 413 and 415 (a body too large or of another type), 500.</li>
 *   <li>A header the server enforces with 428 is {@code required}: an operation that documents 428 needs
 *       {@code If-Match} ({@link Preconditions}).</li>
 * </ul>
 * Operation ids are the resource methods' names ({@code mp.openapi.extensions.smallrye.operationIdStrategy=METHOD}).
 */
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasPathParameter = hasParameters && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean hasBody = operation.getRequestBody() != null;
        boolean streams = producesOnly(responses, "text/event-stream");

        Map<String, String> standard = new LinkedHashMap<>();
        if (hasParameters || hasBody) {
            standard.put("400", "The request does not validate; the problem names each field");
        }
        if (hasPathParameter) {
            standard.put("404", "No such record, or one the caller's organization cannot see");
        }
        standard.put("406", "The Accept header names no type this operation produces");
        if (hasBody) {
            standard.put("413", "The body is larger than the service accepts");
            standard.put("415", "The body is not of a type this operation consumes");
        }
        if (!streams) {
            standard.put("500", "An unexpected failure; nothing was changed");
        }
        standard.forEach((code, description) -> {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code) && response.getRef() == null && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        });
        if (responses.getAPIResponse("428") != null && operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.setRequired(true));
        }
        return operation;
    }

    /**
     * Drops the component schemas that no operation reaches (directly or through other schemas): a type described
     * once for every service by configuration ({@code JsonValue}, {@code JsonObject}) stays only where it is used.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        Set<String> reached = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> add(pending, p.getSchema()));
            }
            if (op.getRequestBody() != null) {
                contentSchemas(op.getRequestBody().getContent(), pending);
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> contentSchemas(r.getContent(), pending));
            }
        }));
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (reached.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(s -> add(pending, s));
            }
            add(pending, schema.getItems());
            add(pending, schema.getAdditionalPropertiesSchema());
            add(pending, schema.getNot());
            for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    list.forEach(s -> add(pending, s));
                }
            }
        }
        new ArrayList<>(schemas.keySet()).stream().filter(name -> !reached.contains(name))
                .forEach(components::removeSchema);
    }

    private static void contentSchemas(Content content, Deque<Schema> pending) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(mt -> add(pending, mt.getSchema()));
        }
    }

    private static void add(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.push(schema);
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static boolean producesOnly(APIResponses responses, String mediaType) {
        APIResponse ok = responses.getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && ok.getContent().getMediaTypes().size() == 1
                && ok.getContent().getMediaTypes().containsKey(mediaType);
    }
}
