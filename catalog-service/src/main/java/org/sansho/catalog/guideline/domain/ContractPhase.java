package org.sansho.catalog.guideline.domain;

/** The contract lifecycle of the vendor guideline §3.2 (図3-4): before the contract, development and operation in normal time, crisis response, termination and after it. */
public enum ContractPhase {
    PRE_CONTRACT, DEVELOPMENT, OPERATION, CRISIS_RESPONSE, TERMINATION, POST_TERMINATION
}
