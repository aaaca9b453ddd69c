package org.sansho.contract.contracts.domain;

import java.time.Instant;

/**
 * The hospital's documented decision to accept data storage outside Japanese jurisdiction for one contract
 * (2省GL §4.1 表4-1): why, who approved it, and who recorded it when. Kept with the contract and audited with it.
 * A record of a decision, not a Java exception.
 */
public record ResidencyException(String reason, String approvedBy, String recordedBy, Instant recordedAt) {
}
