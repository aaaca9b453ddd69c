package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.GuidanceRef;

@Schema(name = "GuidanceInput", description = "Official guidance on how the requirement is met, e.g. a Q&A entry")
public record GuidanceInput(@NotBlank @Size(max = 50) @Schema(example = "企Q-26") String ref,
                            @NotBlank @Size(max = 500) String document, @Positive Integer page,
                            @Size(max = 1000) String url, @Valid TextInput note) {
    GuidanceRef guidance() {
        return new GuidanceRef(ref, document, page, url, note == null ? null : note.text());
    }
}
