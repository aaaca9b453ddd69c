package org.sansho.contract.disclosures.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.service.AnswerDisclosureItem;

import java.util.List;

@Schema(description = "The vendor's answer to one disclosure row")
public record DisclosureAnswerBody(
        @NotBlank @Size(max = 8000) @Schema(example = "データは東京リージョンのみに保存し、日本法の適用を受けます")
        String statement,
        @Size(max = 20) List<@NotNull @Valid EvidenceBody> evidence) {
    public AnswerDisclosureItem toCommand() {
        return new AnswerDisclosureItem(statement,
                evidence == null ? List.of() : evidence.stream().map(EvidenceBody::toEvidence).toList());
    }
}
