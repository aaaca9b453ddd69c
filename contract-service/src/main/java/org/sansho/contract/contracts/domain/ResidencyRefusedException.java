package org.sansho.contract.contracts.domain;

import java.util.List;

/** A contract whose data would be stored outside Japanese jurisdiction without a documented exception. */
public class ResidencyRefusedException extends RuntimeException {

    private final transient List<GuardFailure> failures;

    public ResidencyRefusedException(List<GuardFailure> failures) {
        super("data residency refused: " + failures.size() + " location(s) outside Japanese jurisdiction");
        this.failures = List.copyOf(failures);
    }

    public List<GuardFailure> failures() {
        return failures;
    }
}
