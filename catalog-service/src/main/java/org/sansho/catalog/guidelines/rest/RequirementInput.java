package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.Verification;

import java.util.List;

@Schema(name = "RequirementInput", description = "A requirement of a draft; the key is in the path")
public record RequirementInput(
        @NotBlank @Size(max = 50) @Schema(example = "SYS-3") String sectionNumber,
        @NotBlank @Size(max = 300) @Schema(example = "システム運用編 3 遵守事項①") String ref,
        @NotNull @Valid TextInput title,
        @NotNull @Valid TextInput summary,
        @NotNull Obligation obligation,
        @NotNull Category category,
        @NotEmpty @Size(max = 6) List<@NotNull GuidelinePhase> phases,
        @NotNull Party party,
        @Size(max = 4) List<@NotNull ServiceModel> serviceModels,
        @Size(max = 3) List<@NotNull DataCategory> dataCategories,
        @Size(max = 30) List<@NotNull @Valid ThreatInput> threats,
        @Size(max = 30) List<@NotNull @Valid TextInput> evidence,
        @NotNull @Valid CitationInput citation,
        @Size(max = 20) List<@NotNull @Valid GuidanceInput> guidance,
        @Schema(description = "How the entry was checked; UNVERIFIED when absent") Verification verification,
        @Size(max = 2000) String unverifiedReason,
        RequirementStatus status) {

    public Requirement requirement(String key) {
        return new Requirement(key, sectionNumber, ref, title.text(), summary.text(), obligation, category,
                phases, party, serviceModels, dataCategories,
                threats == null ? List.of() : threats.stream().map(t -> new ThreatImpact(t.threat(), t.impact())).toList(),
                evidence == null ? List.of() : evidence.stream().map(TextInput::text).toList(),
                new Citation(citation.document(), citation.version(), citation.section(), citation.page(),
                        citation.url()),
                guidance == null ? List.of() : guidance.stream().map(GuidanceInput::guidance).toList(),
                verification == null ? Verification.UNVERIFIED : verification, unverifiedReason, status);
    }
}
