package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.service.GiveNotice;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Notice of termination given by the caller's side")
public record NoticeBody(@NotNull @Schema(example = "2027-12-01") LocalDate noticedOn,
                         @Size(max = 2000) @Schema(example = "moving to a new EHR") String reason) {
    public GiveNotice toCommand() {
        return new GiveNotice(noticedOn, reason);
    }
}
