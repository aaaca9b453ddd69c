package org.sansho.platform.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.sansho.platform.problem.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

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
