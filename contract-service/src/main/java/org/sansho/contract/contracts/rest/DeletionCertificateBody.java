package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.domain.DeletionCertificate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Deletion/destruction certificate (2省GL 別紙2 ③-8; MHLW 5 §6.7)")
public record DeletionCertificateBody(
        @NotBlank @Size(max = 200) @Schema(example = "DEL-2028-0042") String certificateRef,
        @NotBlank @Size(max = 200) @Schema(description = "who destroyed the data", example = "株式会社データ消去 山田")
        String deletedBy,
        @NotBlank @Size(max = 500) @Schema(example = "HDD x 12 (serials in annex)") String media,
        @NotBlank @Size(max = 500) @Schema(example = "degaussing then physical destruction") String method,
        @NotNull @Schema(example = "2028-03-10") LocalDate deletedOn) {
    public DeletionCertificate toCertificate() {
        return new DeletionCertificate(certificateRef, deletedBy, media, method, deletedOn);
    }
}
