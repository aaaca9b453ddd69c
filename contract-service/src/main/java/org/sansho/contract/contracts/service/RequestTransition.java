package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractState;

import java.time.LocalDate;

/** Moves a contract to another state; {@code signedOn} and {@code activity} are read by the move to ACTIVE. */
public record RequestTransition(ContractState to, String reason, LocalDate signedOn, ContractActivity activity) {
}
