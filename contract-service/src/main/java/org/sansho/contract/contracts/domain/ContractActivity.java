package org.sansho.contract.contracts.domain;

/**
 * What an active contract is doing now (2省GL §3.2.2): development (new builds, maintenance development,
 * updates, per-site setup; it can recur) or operation.
 */
public enum ContractActivity {
    DEVELOPMENT, OPERATION
}
