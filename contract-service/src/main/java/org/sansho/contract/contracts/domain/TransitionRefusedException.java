package org.sansho.contract.contracts.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A requested transition that the lifecycle or its guards refuse, naming every guard that failed. */
public class TransitionRefusedException extends RuntimeException {

    private final transient List<GuardFailure> failures;

    public TransitionRefusedException(ContractState from, ContractState to, List<GuardFailure> failures) {
        super(from + " → " + to + " refused: "
                + failures.stream().map(GuardFailure::guard).collect(Collectors.joining(", ")));
        this.failures = List.copyOf(failures);
    }

    public List<GuardFailure> failures() {
        return failures;
    }
}
