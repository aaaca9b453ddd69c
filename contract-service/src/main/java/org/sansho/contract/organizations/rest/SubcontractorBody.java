package org.sansho.contract.organizations.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.ValidCorporateNumber;
import org.sansho.contract.organizations.persistence.VendorService;

import java.util.List;

@Schema(description = "A vendor in the supply chain, with its own subcontractors")
public record SubcontractorBody(
        @NotBlank @Size(max = 200) @Schema(example = "データセンター株式会社") String name,
        @ValidCorporateNumber String corporateNumber,
        @Size(max = 200) @Schema(example = "IaaS provider") String role,
        @Size(max = 20) List<@NotNull @Valid SubcontractorBody> subcontractors) {
    public VendorService.Subcontractor toSubcontractor() {
        return new VendorService.Subcontractor(name, corporateNumber, role,
                subcontractors == null ? List.of()
                        : subcontractors.stream().map(SubcontractorBody::toSubcontractor).toList());
    }
}
