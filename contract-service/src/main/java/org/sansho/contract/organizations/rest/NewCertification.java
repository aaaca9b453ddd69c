package org.sansho.contract.organizations.rest;

import org.sansho.contract.organizations.service.AddCertification;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.CertificationScheme;

import java.time.LocalDate;

@Schema(description = "A certification the vendor holds")
public record NewCertification(
        @NotNull @Schema(example = "ISMS") CertificationScheme scheme,
        @Size(max = 100) @Schema(example = "IS 123456") String certificateNumber,
        @Size(max = 200) @Schema(example = "JQA") String issuer,
        @NotNull @Schema(example = "2024-04-01") LocalDate issuedOn,
        @NotNull @Schema(example = "2027-03-31") LocalDate expiresOn) {
    public AddCertification toCommand() {
        return new AddCertification(scheme, certificateNumber, issuer, issuedOn, expiresOn);
    }
}
