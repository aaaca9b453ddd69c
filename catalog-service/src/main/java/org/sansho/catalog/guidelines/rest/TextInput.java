package org.sansho.catalog.guidelines.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.LocalizedText;

@Schema(name = "TextInput", description = "Text in Japanese and English (both required)")
public record TextInput(@NotBlank @Size(max = 4000) String ja, @NotBlank @Size(max = 4000) String en) {
    public LocalizedText text() {
        return new LocalizedText(ja, en);
    }
}
