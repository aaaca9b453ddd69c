package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.VersionRef;

import java.util.List;

@Schema(description = "A guideline version that applies to the contract")
public record VersionRefBody(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a guideline id "
                + "(lower-case letters, digits, hyphens)")
        @Schema(example = "mhlw-medical-information-security") String guidelineId,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "must be a version label")
        @Schema(example = "6.0") String version) {
    public VersionRef toRef() {
        return new VersionRef(guidelineId, version);
    }

    static List<VersionRef> toRefs(List<VersionRefBody> body) {
        return body.stream().map(VersionRefBody::toRef).toList();
    }
}
