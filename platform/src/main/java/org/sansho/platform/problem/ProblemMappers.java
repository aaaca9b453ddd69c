package org.sansho.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem+json. Bad input is always a 4xx that names the field; an unexpected
 * failure is a 500 that reveals nothing of the server's internals (it is logged with an id the client sees).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(invalid("The request is not valid: " + errors.stream()
                .map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; ")), errors), uri);
    }

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class, JsonMappingException.class})
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known property";
        } else if (e instanceof InvalidFormatException f) {
            message = "has a value of the wrong format or an unknown value: " + f.getValue();
        } else if (e instanceof ValueInstantiationException v) {
            message = "is not valid: " + rootMessage(v);
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be of type " + simpleType(m.getTargetType());
        } else {
            message = "has the wrong type or is missing";
        }
        return respond(invalid("The request body is not valid: " + field + " " + message,
                List.of(new Problem.FieldError(field, message))), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(invalid("The request body is not well-formed JSON: " + e.getOriginalMessage(),
                List.of(new Problem.FieldError("body", "is not well-formed JSON"))), uri);
    }

    /**
     * Any other failure to read a JSON body, e.g. one beyond the parser's limits (nesting depth, length of a number or
     * a string): a 400 that names no parser internals.
     */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String message = e instanceof StreamConstraintsException
                ? "exceeds the limits of a request body (nesting depth, length of a number or string)"
                : "could not be read as JSON";
        return respond(invalid("The request body " + message,
                List.of(new Problem.FieldError("body", message))), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(concurrentUpdate(), uri);
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e, UriInfo uri) {
        return respond(concurrentUpdate(), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem p = ProblemException.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required").problem();
        return Response.fromResponse(respond(p, uri)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("Your role does not allow this operation").problem(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException p) {
            // A parameter converter's refusal (EnumQueryParameters), which JAX-RS wraps in a 404 or a 400.
            return respond(p.problem(), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, null);
        }
        if (status == 400) {
            // RESTEasy Reactive reports an unreadable body (e.g. truncated JSON) this way.
            return respond(invalid("The request could not be read: the body or a parameter is malformed",
                    List.of(new Problem.FieldError("body", "could not be read"))), uri);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String title = info.getReasonPhrase() == null ? "Error" : info.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this address";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here";
            default -> title;
        };
        Problem p = new Problem(URI.create(ProblemException.TYPE_BASE + slug(title)), title, status, detail, null,
                List.of(), List.of(), Map.of());
        Response.ResponseBuilder builder = Response.fromResponse(respond(p, uri));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpServerResponse sent) {
        String path = uri == null ? "?" : uri.getPath();
        if (sent != null && sent.ended()) {
            // The client has its answer already, so there is nothing to send. The usual case: a body sent in chunks
            // past the size limit is refused with 413 by the HTTP layer while the endpoint still reads it, and the
            // read fails; that is the client's doing, not a server failure with an incident.
            if (e instanceof IOException) {
                LOG.debugf("The request body of %s was cut off after the response: %s", path, e);
            } else {
                LOG.warnf(e, "Failure on %s after the response was sent", path);
            }
            return null;
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", incident, path);
        Problem p = new Problem(URI.create(ProblemException.TYPE_BASE + "internal-error"), "Internal error", 500,
                "The request could not be completed; the failure was logged as " + incident, null,
                List.of(), List.of(), Map.of("incident", incident));
        return respond(p, uri);
    }

    private static Problem invalid(String detail, List<Problem.FieldError> errors) {
        return ProblemException.badRequest(detail, errors).problem();
    }

    private static Problem concurrentUpdate() {
        return ProblemException.conflict("concurrent-update", "Concurrent update",
                "The record was changed by another request; read it again and retry").problem();
    }

    /** The response that answers {@code problem}, with the request's path as its instance when it names none. */
    public static Response respond(Problem problem, UriInfo uri) {
        Problem body = problem;
        if (problem.instance() == null && uri != null) {
            body = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                    URI.create(uri.getRequestUri().getRawPath()), problem.errors(), problem.guards(),
                    problem.extensions());
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * {@code create.request.sla.rtoHours} → {@code sla.rtoHours} (a body), {@code list.size} → {@code size}
     * (a query parameter): the method is dropped, and so is a parameter name followed by the body's properties.
     */
    private static String fieldPath(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            boolean last = i == nodes.size() - 1;
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE || (kind == ElementKind.PARAMETER && !last)) {
                continue;
            }
            if (node.isInIterable() && path.length() > 0) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                path.append('[').append(position == null ? "" : position).append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(name);
        }
        return path.length() == 0 ? "request" : path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
