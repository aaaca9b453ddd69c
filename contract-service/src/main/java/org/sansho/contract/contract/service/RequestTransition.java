package org.sansho.contract.contract.service;

import org.sansho.contract.contract.domain.ContractActivity;
import org.sansho.contract.contract.domain.ContractState;

import java.time.LocalDate;

/** Moves a contract to another state; {@code signedOn} and {@code activity} are read by the move to ACTIVE. */
public record RequestTransition(ContractState to, String reason, LocalDate signedOn, ContractActivity activity) {
}
