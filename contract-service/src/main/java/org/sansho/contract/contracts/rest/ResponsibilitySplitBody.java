package org.sansho.contract.contracts.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.Responsibility;

import java.util.List;

@Schema(description = "The whole responsibility split: each item of the role-sharing checklist (2024 確認表, Part 1 and "
        + "Part 2; key = the item's reference in the catalog template, e.g. \"Part2 A-1\") given to HOSPITAL, VENDOR or "
        + "SHARED with a note. Items left out stay unassigned; every Part 2 item must be assigned before AGREED.")
public record ResponsibilitySplitBody(
        @NotNull @Size(max = 200) List<@NotNull @Valid ResponsibilityBody> items) {

    public List<Responsibility> toResponsibilities() {
        return ResponsibilityBody.toResponsibilities(items);
    }
}
