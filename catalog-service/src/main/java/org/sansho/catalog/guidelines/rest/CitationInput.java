package org.sansho.catalog.guidelines.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CitationInput", description = "Where in the official document the requirement comes from")
public record CitationInput(@NotBlank @Size(max = 500) String document, @NotBlank @Size(max = 50) String version,
                            @NotBlank @Size(max = 100) String section, @Positive Integer page,
                            @Size(max = 1000) String url) {
}
