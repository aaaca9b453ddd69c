package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.Issuer;
import org.sansho.catalog.guidelines.domain.LocalizedText;

import java.util.List;

@Schema(name = "Guideline", description = "A guideline with its versions (lineage)")
public record GuidelineView(
        @Schema(example = "mhlw-medical-information-security") String id,
        Issuer issuer,
        Audience audience,
        LocalizedText title,
        List<VersionSummary> versions) {
}
