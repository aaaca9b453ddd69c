package org.sansho.contract.organizations.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.persistence.VendorService;

@Schema(description = "Where the service stores data")
public record DataLocationBody(
        @NotBlank @Size(min = 2, max = 2) @Schema(example = "JP") String country,
        @Size(max = 100) @Schema(example = "Tokyo") String region,
        @NotNull @Schema(description = "the storage is subject to Japanese law (2省GL 表4-1)", example = "true")
        Boolean domesticJurisdiction) {
    public VendorService.DataLocation toLocation() {
        return new VendorService.DataLocation(country, region, domesticJurisdiction);
    }
}
