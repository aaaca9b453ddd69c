package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "The term of a contract with its computed notice deadline")
public record TermView(LocalDate startDate, LocalDate endDate, boolean autoRenewal, int hospitalNoticeDays,
                       int vendorNoticeDays,
                       @Schema(description = "end date minus the longer notice period") LocalDate noticeDeadline) {
}
