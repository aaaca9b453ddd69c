package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.service.RequestTransition;

import java.time.LocalDate;

@Schema(description = "A requested state transition and what its guard needs")
public record TransitionRequest(
        @NotNull @Schema(example = "DISCLOSURE_REQUESTED") ContractState to,
        @Size(max = 2000) @Schema(example = "表4-1 disclosure requested from the vendor") String reason,
        @Schema(description = "for → ACTIVE: the date the contract was signed", example = "2025-03-20")
        LocalDate signedOn,
        @Schema(description = "for → ACTIVE: the initial activity (default DEVELOPMENT)", example = "DEVELOPMENT")
        ContractActivity activity) {
    public RequestTransition toCommand() {
        return new RequestTransition(to, reason, signedOn, activity);
    }
}
