package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One entry of an incident's timeline")
public record TimelineBody(@NotBlank @Size(max = 40) @Schema(example = "2025-06-01T09:30:00+09:00") String at,
                           @NotBlank @Size(max = 1000) @Schema(example = "service restored") String what) {
}
