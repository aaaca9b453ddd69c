package org.sansho.contract.contracts.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.service.OpenContract;

import java.util.List;
import java.util.UUID;

@Schema(description = "A contract to open (state DRAFT); the hospital is the caller's organization")
public record NewContract(
        @NotNull UUID vendorId,
        @NotNull UUID serviceId,
        @NotBlank @Size(max = 300) @Schema(example = "電子カルテ クラウドサービス利用契約") String title,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid VersionRefBody> baseline,
        @NotNull @Size(min = 1, max = 3) List<@NotNull DataCategory> dataCategories,
        @NotNull @Valid TermBody term,
        @NotNull @Valid SlaBody sla,
        @Size(max = 500) List<@NotNull @Valid ResponsibilityBody> responsibilities,
        @Valid @Schema(description = "needed when the service stores data outside Japanese jurisdiction and the "
                + "contract covers legally retained records or names a data region (otherwise 422)")
        ResidencyExceptionBody residencyException) {
    public OpenContract toCommand() {
        return new OpenContract(vendorId, serviceId, title, VersionRefBody.toRefs(baseline), dataCategories, term.toTerm(),
                sla.toTerms(), ResponsibilityBody.toResponsibilities(responsibilities),
                residencyException == null ? null : residencyException.toCommand());
    }
}
