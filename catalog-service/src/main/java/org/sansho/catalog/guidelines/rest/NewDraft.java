package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.VersionRef;

import java.util.List;

@Schema(name = "NewDraftVersion", description = "A new DRAFT version. supersedes defaults to the guideline's "
        + "current published version; copyFromCurrent copies that version's sections and requirements.")
public record NewDraft(
        @NotBlank @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}", message = "must be a version label such as 6.1")
        @Schema(example = "6.1") String version,
        boolean copyFromCurrent,
        @Size(max = 5) List<@NotNull @Valid VersionRef> supersedes,
        @Size(max = 500) String sourceTitle,
        @Size(max = 1000) String sourceUrl,
        @Valid TextInput notes) {
}
