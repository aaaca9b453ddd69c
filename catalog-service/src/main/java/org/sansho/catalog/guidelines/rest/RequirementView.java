package org.sansho.catalog.guidelines.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.GuidanceRef;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.domain.Verification;

import java.util.List;

/** A requirement as served: its content plus the guideline version it belongs to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Requirement", description = "A requirement of a guideline version")
public record RequirementView(
        @Schema(example = "VGL-4.1-1") String key,
        @Schema(example = "meti-mic-medical-service-provider") String guidelineId,
        @Schema(example = "1.1") String version,
        @Schema(example = "4.1") String sectionNumber,
        @Schema(example = "表4-1 1") String ref,
        LocalizedText title,
        LocalizedText summary,
        Obligation obligation,
        Category category,
        List<GuidelinePhase> phases,
        Party party,
        @Schema(description = "Empty = every service model") List<ServiceModel> serviceModels,
        @Schema(description = "Empty = every data category") List<DataCategory> dataCategories,
        List<ThreatImpact> threats,
        List<LocalizedText> evidence,
        Citation citation,
        @Schema(description = "Official guidance on how the requirement is met, e.g. the MHLW 6.0 Q&A entry "
                + "(企Q-26) that answers it")
        List<GuidanceRef> guidance,
        @Schema(description = "True only when checked against the final official text (verification VERIFIED)")
        boolean verified,
        @Schema(description = "VERIFIED: checked against the final official text, on the cited page; DRAFT_CHECKED: "
                + "checked only against a near-final draft or a reprint (cited), never counted as verified; "
                + "UNVERIFIED: not checked against any retrieved text")
        Verification verification,
        @Schema(description = "What is missing for VERIFIED (when verification is not VERIFIED)")
        String unverifiedReason,
        RequirementStatus status) {

    public static RequirementView of(VersionRef version, Requirement r) {
        return new RequirementView(r.key(), version.guidelineId(), version.version(), r.sectionNumber(), r.ref(),
                r.title(), r.summary(), r.obligation(), r.category(), r.phases(), r.party(),
                r.serviceModels(),
                r.dataCategories(), r.threats(), r.evidence(), r.citation(), r.guidance(), r.verified(), r.verification(),
                r.unverifiedReason(),
                r.status());
    }
}
