package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.persistence.ContractTransition;

import java.time.Instant;

@Schema(description = "One step of a contract's history")
public record HistoryEntry(ContractState from, ContractState to, ContractPhase phase, String actor, String reason,
                           Instant occurredAt) {
    public static HistoryEntry of(ContractTransition t) {
        return new HistoryEntry(t.fromState, t.toState, t.phase, t.actor, t.reason, t.occurredAt);
    }
}
