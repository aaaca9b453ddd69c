package org.sansho.contract.contracts.domain;

import java.time.LocalDate;

/** The term of a contract and the notice each side must give before its end. */
public record ContractTerm(LocalDate startDate, LocalDate endDate, boolean autoRenewal, int hospitalNoticeDays,
                           int vendorNoticeDays) {
}
