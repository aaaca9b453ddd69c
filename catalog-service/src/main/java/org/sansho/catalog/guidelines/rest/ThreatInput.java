package org.sansho.catalog.guidelines.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.CiaImpact;

import java.util.List;

@Schema(name = "ThreatImpactInput")
public record ThreatInput(@NotBlank @Size(max = 100) @Schema(example = "T-CYBER-RANSOMWARE") String threat,
                          @NotEmpty @Size(max = 3) List<@NotNull CiaImpact> impact) {
}
