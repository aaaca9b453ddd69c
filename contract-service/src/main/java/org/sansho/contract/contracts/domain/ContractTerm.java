package org.sansho.contract.contracts.domain;

import java.time.LocalDate;

/**
 * The term of a contract and the notice each side must give before its end.
 *
 * @param renewalMonths the length of a renewed term in months; null renews for the length of this term
 */
public record ContractTerm(LocalDate startDate, LocalDate endDate, boolean autoRenewal, int hospitalNoticeDays,
                           int vendorNoticeDays, Integer renewalMonths) {
}
