package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Section;
import org.sansho.catalog.guidelines.domain.VerificationCoverage;

import java.util.List;

@Schema(name = "GuidelineVersion", description = "A guideline version with its sections")
public record VersionView(VersionSummary version, List<Section> sections, int requirementCount,
                          @Schema(description = "Requirements checked against the final official text")
                          int verifiedCount,
                          @Schema(description = "How the version's requirements were checked: verified against "
                                  + "the final text, checked only against a draft or reprint, not checked")
                          VerificationCoverage verification) {
}
