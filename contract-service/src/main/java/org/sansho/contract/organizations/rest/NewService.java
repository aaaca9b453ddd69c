package org.sansho.contract.organizations.rest;

import org.sansho.contract.organizations.service.AddService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.util.List;

@Schema(description = "A vendor offering")
public record NewService(
        @NotBlank @Size(max = 200) @Schema(example = "クラウド型電子カルテ") String name,
        @NotNull @Schema(example = "SAAS") ServiceModel serviceModel,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid DataLocationBody> dataLocations,
        @Size(max = 50) List<@NotNull @Valid SubcontractorBody> subcontractors) {
    public AddService toCommand() {
        return new AddService(name, serviceModel, dataLocations.stream().map(DataLocationBody::toLocation).toList(),
                subcontractors == null ? null
                        : subcontractors.stream().map(SubcontractorBody::toSubcontractor).toList());
    }
}
