package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.Issuer;

@Schema(name = "NewGuideline")
public record NewGuideline(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be lowercase and hyphenated")
        @Schema(example = "mhlw-cyber-security-checklist") String id,
        @NotNull Issuer issuer,
        @NotNull Audience audience,
        @NotNull @Valid TextInput title) {
}
