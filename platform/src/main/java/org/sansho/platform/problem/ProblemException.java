package org.sansho.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Thrown anywhere a request cannot be served; answered as the problem it carries. */
public class ProblemException extends RuntimeException {

    public static final String TYPE_BASE = "https://sansho.dev/problems/";

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException of(int status, String type, String title, String detail) {
        return new ProblemException(new Problem(URI.create(TYPE_BASE + type), title, status, detail, null,
                List.of(), List.of(), Map.of()));
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(URI.create(TYPE_BASE + "invalid-request"), "Invalid request",
                400, detail, null, errors, List.of(), Map.of()));
    }

    public static ProblemException badRequest(String field, String message) {
        return badRequest(message, List.of(new Problem.FieldError(field, message)));
    }

    /** The record does not exist, or the caller may not know that it exists. */
    public static ProblemException notFound(String what, Object id) {
        return of(404, "not-found", "Not found", what + " " + id + " was not found");
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return of(409, type, title, detail);
    }

    /** A refused state transition, naming every guard that failed. */
    public static ProblemException transitionRefused(String detail, List<Problem.GuardFailure> guards) {
        return new ProblemException(new Problem(URI.create(TYPE_BASE + "transition-refused"),
                "Transition refused", 409, detail, null, List.of(), guards, Map.of()));
    }

    public static ProblemException preconditionFailed(String detail) {
        return of(412, "precondition-failed", "Precondition failed", detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return of(428, "precondition-required", "Precondition required", detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }
}
