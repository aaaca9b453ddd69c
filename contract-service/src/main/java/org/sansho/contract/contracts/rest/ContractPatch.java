package org.sansho.contract.contracts.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.service.AmendContract;

import java.util.List;

@Schema(description = "Changes to a contract (an amendment); absent parts stay as they are")
public record ContractPatch(
        @Size(min = 1, max = 300) String title,
        @Size(min = 1, max = 10) List<@NotNull @Valid VersionRefBody> baseline,
        @Size(min = 1, max = 3) List<@NotNull DataCategory> dataCategories,
        @Valid TermBody term,
        @Valid SlaBody sla,
        @Size(max = 500) List<@NotNull @Valid ResponsibilityBody> responsibilities,
        @Schema(description = "the current activity of an ACTIVE contract") ContractActivity activity,
        @Valid @Schema(description = "records (or replaces) the documented exception to domestic data storage")
        ResidencyExceptionBody residencyException) {
    public AmendContract toCommand() {
        return new AmendContract(title, baseline == null ? null : VersionRefBody.toRefs(baseline), dataCategories,
                term == null ? null : term.toTerm(), sla == null ? null : sla.toTerms(),
                ResponsibilityBody.toResponsibilities(responsibilities), activity,
                residencyException == null ? null : residencyException.toCommand());
    }
}
