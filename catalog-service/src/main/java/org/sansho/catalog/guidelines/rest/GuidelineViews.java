package org.sansho.catalog.guidelines.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.Issuer;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.VersionInfo;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.domain.VerificationCoverage;
import org.sansho.catalog.guidelines.domain.VersionStatus;

import java.time.LocalDate;
import java.util.List;

/** The representations of guidelines and versions. */
public final class GuidelineViews {

    private GuidelineViews() {
    }

    @Schema(name = "Guideline", description = "A guideline with its versions (lineage)")
    public record GuidelineView(
            @Schema(example = "mhlw-medical-information-security") String id,
            Issuer issuer,
            Audience audience,
            LocalizedText title,
            List<VersionSummary> versions) {
    }

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

    @Schema(name = "GuidelineVersion", description = "A guideline version with its sections")
    public record VersionView(VersionSummary version, List<Section> sections, int requirementCount,
                              @Schema(description = "Requirements checked against the final official text")
                              int verifiedCount,
                              @Schema(description = "How the version's requirements were checked: verified against "
                                      + "the final text, checked only against a draft or reprint, not checked")
                              VerificationCoverage verification) {
    }

    @Schema(name = "RequirementDetail", description = "A requirement with the mappings that touch it")
    public record RequirementDetail(RequirementView requirement, List<Mapping> mappings) {
    }

    @Schema(name = "VersionDiff", description = "Requirement keys added, removed and changed between two versions")
    public record DiffView(VersionRef version, VersionRef against, List<String> addedKeys, List<String> removedKeys,
                           List<String> changedKeys) {
    }
}
