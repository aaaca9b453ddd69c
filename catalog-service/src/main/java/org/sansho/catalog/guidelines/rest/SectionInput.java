package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SectionInput")
public record SectionInput(@Size(max = 50) @Schema(example = "SYS") String parent,
                           @NotNull @Valid TextInput title) {
}
