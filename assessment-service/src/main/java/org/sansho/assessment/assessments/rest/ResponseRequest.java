package org.sansho.assessment.assessments.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.EvidenceRef;
import org.sansho.assessment.assessments.domain.ResponseStatus;

import java.util.List;

@Schema(description = "The vendor's answer to one requirement; NOT_APPLICABLE needs a justification")
public record ResponseRequest(
        @NotNull @Schema(example = "IMPLEMENTED") ResponseStatus status,
        @Size(max = 2000) @Schema(example = "The service stores no data outside Japan") String justification,
        @Size(max = 4000) @Schema(example = "ISMS certified since 2019; scope covers the whole SaaS operation") String statement,
        @Size(max = 20) List<@NotNull @Valid EvidenceRef> evidence) {
}
