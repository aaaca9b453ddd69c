package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "The term of a contract with its computed notice deadline")
public record TermView(LocalDate startDate, LocalDate endDate, boolean autoRenewal, int hospitalNoticeDays,
                       int vendorNoticeDays,
                       @Schema(description = "end date minus the longer notice period") LocalDate noticeDeadline,
                       @Schema(description = "months of a renewed term; null renews for the length of the term")
                       Integer renewalMonths,
                       @Schema(description = "the end date passed without automatic renewal or termination")
                       boolean expired) {
}
