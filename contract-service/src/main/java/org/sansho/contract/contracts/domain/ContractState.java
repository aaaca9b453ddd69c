package org.sansho.contract.contracts.domain;

/** The states of a contract, each in one phase. */
public enum ContractState {
    DRAFT(ContractPhase.PRE_CONTRACT),
    DISCLOSURE_REQUESTED(ContractPhase.PRE_CONTRACT),
    UNDER_ASSESSMENT(ContractPhase.PRE_CONTRACT),
    AGREED(ContractPhase.PRE_CONTRACT),
    /** Abandoned before the contract was signed. */
    CANCELLED(ContractPhase.PRE_CONTRACT),
    ACTIVE(ContractPhase.IN_CONTRACT),
    UNDER_REVIEW(ContractPhase.IN_CONTRACT),
    INCIDENT(ContractPhase.IN_CONTRACT),
    TERMINATION_NOTICED(ContractPhase.POST_TERMINATION),
    DATA_RETURN(ContractPhase.POST_TERMINATION),
    DATA_DELETION(ContractPhase.POST_TERMINATION),
    CLOSED(ContractPhase.POST_TERMINATION);

    private final ContractPhase phase;

    ContractState(ContractPhase phase) {
        this.phase = phase;
    }

    public ContractPhase phase() {
        return phase;
    }

    /** A live contract can still change; closed and cancelled ones are records only. */
    public boolean isLive() {
        return this != CLOSED && this != CANCELLED;
    }
}
