package org.sansho.contract.contracts.domain;

/** The three phases of the 2省GL lifecycle (図3-4, §3.2): before, during and after the contract. */
public enum ContractPhase {
    PRE_CONTRACT, IN_CONTRACT, POST_TERMINATION
}
