package org.sansho.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How every service receives a request body, installed on the router before Quarkus' own handlers.
 *
 * <p>A request whose declared body is larger than {@code quarkus.http.limits.max-body-size} is answered with a 413
 * problem before any of it is read. Quarkus would refuse it too, but with an empty body; clients of this suite get
 * the same problem+json for every refusal. (A chunked body without a length is still cut off at the limit, with a
 * plain 413.)
 *
 * <p>A small body (a declared length of at most {@value #READ_WHOLE_UP_TO} bytes: every request of the APIs but
 * a catalog import) is read whole, on the I/O thread, before the request goes on to its endpoint. The endpoints
 * run on worker threads; without this, each would read its body through a blocking stream that hands every chunk,
 * and the end of the body, from the I/O thread to the worker under a lock on the connection. Under load the I/O
 * thread spent a large share of its time waiting for that lock (over a third of the catalog-service's CPU samples
 * during the applicability load; benchmark/README.md, "Profiling"). A larger body, or one without a declared
 * length, is still streamed to its endpoint: held whole it would be in memory twice over (the buffer and the
 * stream's copy), which a catalog import of a few megabytes cannot afford in the services' heap.
 */
@ApplicationScoped
public class RequestBodies {

    /** Before Quarkus' own length check, which the HTTP layer installs at order -2. */
    private static final int ORDER = -3;

    /** The largest body read whole before the endpoint runs. */
    static final int READ_WHOLE_UP_TO = 32 * 1024;

    /** The methods whose requests carry a body in this suite's APIs. */
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    void install(@Observes Router router, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        BodyHandler readWhole = BodyHandler.create(false).setBodyLimit(READ_WHOLE_UP_TO)
                .setMergeFormAttributes(false);
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
            if (declared != null && !exceeds(declared, READ_WHOLE_UP_TO)
                    && WITH_BODY.contains(context.request().method())) {
                readWhole.handle(context); // goes on to the next handler once the body is in
            } else {
                context.next();
            }
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
