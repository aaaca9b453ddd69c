package org.sansho.contract.organizations.rest;

import org.sansho.contract.organizations.service.RegisterOrganization;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.domain.ValidCorporateNumber;

import java.util.List;
import java.util.UUID;

@Schema(description = "An organization to register: the caller's own hospital, or a vendor it deals with")
public record NewOrganization(
        @NotNull @Schema(example = "VENDOR") OrganizationKind kind,
        @Schema(description = "For a vendor: its tenant id in the identity provider, so that its staff can act "
                + "for it; generated when absent. For a hospital it is always the caller's organization.",
                example = "5b8c0a4e-3d7f-4a51-9a4c-7f1e2d3c4b5a") UUID id,
        @NotBlank @Size(max = 200) @Schema(example = "株式会社メディクラウド") String nameJa,
        @Size(max = 200) @Schema(example = "MediCloud Inc.") String nameEn,
        @NotNull @ValidCorporateNumber @Schema(description = "法人番号, 13 digits with its check digit",
                example = "7000012050002") String corporateNumber,
        @Size(max = 20) List<@NotNull @Valid ContactBody> contacts) {
    public RegisterOrganization toCommand() {
        return new RegisterOrganization(kind, id, nameJa, nameEn, corporateNumber,
                contacts == null ? null : contacts.stream().map(ContactBody::toContact).toList());
    }
}
