package org.sansho.assessment.assessments.domain;

import java.util.List;

/** A workflow step that may not happen now, naming every guard that failed. */
public class TransitionRefusedException extends RuntimeException {

    /** One failed guard: a stable name, the rule it enforces, and why it failed here. */
    public record Guard(String name, String rule, String reason) {
    }

    private final List<Guard> guards;

    public TransitionRefusedException(String message, List<Guard> guards) {
        super(message);
        this.guards = List.copyOf(guards);
    }

    public List<Guard> guards() {
        return guards;
    }
}
