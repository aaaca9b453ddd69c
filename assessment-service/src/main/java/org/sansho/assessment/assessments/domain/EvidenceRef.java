package org.sansho.assessment.assessments.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A reference to a piece of evidence the vendor holds: a document name with its URI or digest and validity. */
@Schema(description = "Evidence reference: the document, where to find it or its digest, and until when it is valid")
public record EvidenceRef(
        @NotBlank @Size(max = 300) @Schema(example = "ISMS certificate IS 123456") String name,
        @Size(max = 1000) @Pattern(regexp = "^(https?|urn|file)\\S*$", message = "must be an http(s), urn or file URI")
        @Schema(example = "https://vendor.example/certs/isms.pdf") String uri,
        @Size(max = 200) @Pattern(regexp = "^(sha256|sha512):[0-9a-fA-F]{16,128}$",
                message = "must be sha256:<hex> or sha512:<hex>")
        @Schema(example = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String hash,
        @Schema(example = "2027-03-31") LocalDate validUntil) {
}
