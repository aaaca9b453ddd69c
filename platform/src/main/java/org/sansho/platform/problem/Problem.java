package org.sansho.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error response of the suite
 * ({@code Content-Type: application/problem+json}).
 *
 * @param type     a URI that identifies the kind of problem, e.g. {@code https://sansho.dev/problems/transition-refused}
 * @param errors   field-level errors of a validation problem
 * @param guards   the guards that refused a state transition, each with its reason
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        List<FieldError> errors,
        List<GuardFailure> guards,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its JSON path in the request ({@code body.sla.rtoHours}, {@code query.size}) and why. */
    public record FieldError(String field, String message) {
    }

    /** One state-transition guard that did not hold: its rule name, the guideline it enforces, and why. */
    public record GuardFailure(String guard, String rule, String reason) {
    }
}
