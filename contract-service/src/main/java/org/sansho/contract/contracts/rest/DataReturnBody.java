package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.service.RecordDataReturn;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "The vendor's record of the data it returned")
public record DataReturnBody(@NotNull @Schema(example = "2028-02-15") LocalDate returnedOn,
                             @NotBlank @Size(max = 2000)
                             @Schema(example = "full export, SS-MIX2 standard storage on encrypted disk")
                             String note) {
    public RecordDataReturn toCommand() {
        return new RecordDataReturn(returnedOn, note);
    }
}
