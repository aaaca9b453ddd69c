package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.ResponsibleParty;

import java.util.List;

@Schema(description = "Who carries a requirement or role-sharing checklist item (2省GL §4.2)")
public record ResponsibilityBody(
        @NotBlank @Size(max = 100) @Schema(example = "MHLW6-SYS-14.1") String key,
        @NotNull @Schema(example = "SHARED") ResponsibleParty party,
        @Size(max = 1000) @Schema(example = "vendor runs backups, hospital keeps the offline copy") String note) {
    public Responsibility toResponsibility() {
        return new Responsibility(key, party, note);
    }

    static List<Responsibility> toResponsibilities(List<ResponsibilityBody> body) {
        return body == null ? null : body.stream().map(ResponsibilityBody::toResponsibility).toList();
    }
}
