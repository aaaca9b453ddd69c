package org.sansho.contract.disclosures.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.domain.Evidence;

import java.time.LocalDate;

@Schema(description = "A document the answer rests on")
public record EvidenceBody(
        @NotBlank @Size(max = 300) @Schema(example = "ISMS認証登録証") String title,
        @Size(max = 2000) @Schema(description = "absolute http(s) address", example = "https://vendor.example/isms.pdf")
        String uri,
        @Schema(description = "until when the document holds, e.g. a certificate's expiry", example = "2027-03-31")
        LocalDate validUntil) {
    public Evidence toEvidence() {
        return new Evidence(title, uri, validUntil);
    }
}
