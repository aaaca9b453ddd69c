package org.sansho.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is answered with a 413
 * problem before any of it is read. Quarkus would refuse it too, but with an empty body; clients of this suite get
 * the same problem+json for every refusal. (A body sent in chunks, without a length, is cut off when it passes the
 * limit, with a 413 that has no body; the endpoint that was reading it fails after that answer, which
 * {@code ProblemMappers} does not count as a server failure.)
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Before Quarkus' own length check, which the HTTP layer installs at order -2. */
    private static final int ORDER = -3;

    void install(@Observes Router router, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(ORDER).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && exceeds(declared, max)) {
                Problem problem = new Problem(URI.create(ProblemException.TYPE_BASE + "body-too-large"),
                        "Request body too large", 413,
                        "The request body may be at most " + max + " bytes; this one declares " + declared.trim(),
                        URI.create(context.request().path()),
                        List.of(new Problem.FieldError("body", "is larger than " + max + " bytes")), List.of(),
                        Map.of());
                String body;
                try {
                    body = json.writeValueAsString(problem);
                } catch (Exception e) {
                    body = "{\"status\":413,\"title\":\"Request body too large\"}";
                }
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            context.next();
        });
    }

    static boolean exceeds(String declaredLength, long max) {
        try {
            return Long.parseLong(declaredLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // a malformed length is refused by the HTTP layer itself
        }
    }
}
