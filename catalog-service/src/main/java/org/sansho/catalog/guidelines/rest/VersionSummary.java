package org.sansho.catalog.guidelines.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.VersionInfo;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.domain.VersionStatus;

import java.time.LocalDate;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "GuidelineVersionSummary", description = "A guideline version and its place in the lineage")
public record VersionSummary(
        @Schema(example = "mhlw-medical-information-security") String guidelineId,
        @Schema(example = "6.0") String version,
        @Schema(example = "2023-05-31") LocalDate publishedOn,
        VersionStatus status,
        List<VersionRef> supersedes,
        List<VersionRef> supersededBy,
        String sourceTitle,
        String sourceUrl,
        LocalizedText notes,
        @Schema(description = "Whether the catalog holds the version's requirements") boolean hasContent) {

    public static VersionSummary of(VersionInfo i) {
        return new VersionSummary(i.guidelineId(), i.version(), i.publishedOn(), i.status(), i.supersedes(),
                i.supersededBy(), i.sourceTitle(), i.sourceUrl(), i.notes(), i.hasContent());
    }
}
