package org.sansho.contract.contracts.service;

import java.time.LocalDate;

/** The vendor's record of the data it returned at the end of a contract. */
public record RecordDataReturn(LocalDate returnedOn, String note) {
}
