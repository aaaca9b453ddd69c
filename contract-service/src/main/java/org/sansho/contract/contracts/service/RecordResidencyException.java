package org.sansho.contract.contracts.service;

/** The hospital records its documented exception to domestic data storage: why, and who approved it. */
public record RecordResidencyException(String reason, String approvedBy) {
}
