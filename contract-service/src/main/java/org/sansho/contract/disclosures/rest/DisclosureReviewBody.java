package org.sansho.contract.disclosures.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.domain.ReviewDecision;
import org.sansho.contract.disclosures.service.ReviewDisclosureItem;

@Schema(description = "The hospital's review of one answered disclosure row")
public record DisclosureReviewBody(
        @NotNull @Schema(example = "NEEDS_INFORMATION") ReviewDecision decision,
        @Size(max = 4000) @Schema(description = "required with NEEDS_INFORMATION: what is missing",
                example = "バックアップの世代数とオフライン保管の有無を記載してください") String comment) {
    public ReviewDisclosureItem toCommand() {
        return new ReviewDisclosureItem(decision, comment);
    }
}
