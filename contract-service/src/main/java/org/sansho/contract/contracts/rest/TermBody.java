package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.persistence.Contract;

import java.time.LocalDate;

@Schema(description = "Contract term; the notice deadline is computed")
public record TermBody(
        @NotNull @Schema(example = "2025-04-01") LocalDate startDate,
        @NotNull @Schema(example = "2028-03-31") LocalDate endDate,
        @NotNull @Schema(example = "true") Boolean autoRenewal,
        @NotNull @Min(0) @Max(3650) @Schema(description = "days of notice the hospital must give", example = "90")
        Integer hospitalNoticeDays,
        @NotNull @Min(0) @Max(3650) @Schema(description = "days of notice the vendor must give", example = "180")
        Integer vendorNoticeDays,
        @Min(1) @Max(120) @Schema(description = "months of a renewed term when auto-renewing; absent renews for the "
                + "length of the term that ended", example = "12") Integer renewalMonths) {
    public ContractTerm toTerm() {
        return new ContractTerm(startDate, endDate, autoRenewal, hospitalNoticeDays, vendorNoticeDays, renewalMonths);
    }
}
