package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Confidence;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.MappingBasis;
import org.sansho.catalog.guidelines.domain.MappingRelation;

@Schema(name = "MappingInput", description = "A mapping between two requirement keys; one of them must be in the draft")
public record MappingInput(@NotBlank @Size(max = 100) String from, @NotBlank @Size(max = 100) String to,
                           @NotNull MappingRelation relation, @NotNull MappingBasis basis,
                           @NotNull Confidence confidence, @NotNull @Valid TextInput rationale,
                           @Size(max = 1000) String source) {
    public Mapping mapping() {
        return new Mapping(from, to, relation, basis, confidence, rationale.text(), source);
    }
}
