package org.sansho.catalog.guidelines.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.CiaImpact;
import org.sansho.catalog.guidelines.domain.Citation;
import org.sansho.catalog.guidelines.domain.Confidence;
import org.sansho.catalog.guidelines.domain.GuidelinePhase;
import org.sansho.catalog.guidelines.domain.DataCategory;
import org.sansho.catalog.guidelines.domain.GuidanceRef;
import org.sansho.catalog.guidelines.domain.Issuer;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.MappingBasis;
import org.sansho.catalog.guidelines.domain.MappingRelation;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.ServiceModel;
import org.sansho.catalog.guidelines.domain.ThreatImpact;
import org.sansho.catalog.guidelines.domain.Verification;
import org.sansho.catalog.guidelines.domain.VersionRef;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the catalog admin's writes. */
public final class AdminInputs {

    private AdminInputs() {
    }

    @Schema(name = "TextInput", description = "Text in Japanese and English (both required)")
    public record TextInput(@NotBlank @Size(max = 4000) String ja, @NotBlank @Size(max = 4000) String en) {
        public LocalizedText text() {
            return new LocalizedText(ja, en);
        }
    }

    @Schema(name = "NewGuideline")
    public record NewGuideline(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be lowercase and hyphenated")
            @Schema(example = "mhlw-cyber-security-checklist") String id,
            @NotNull Issuer issuer,
            @NotNull Audience audience,
            @NotNull @Valid TextInput title) {
    }

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

    @Schema(name = "SectionInput")
    public record SectionInput(@Size(max = 50) @Schema(example = "SYS") String parent,
                               @NotNull @Valid TextInput title) {
    }

    @Schema(name = "ThreatImpactInput")
    public record ThreatInput(@NotBlank @Size(max = 100) @Schema(example = "T-CYBER-RANSOMWARE") String threat,
                              @NotEmpty @Size(max = 3) List<@NotNull CiaImpact> impact) {
    }

    @Schema(name = "CitationInput", description = "Where in the official document the requirement comes from")
    public record CitationInput(@NotBlank @Size(max = 500) String document, @NotBlank @Size(max = 50) String version,
                                @NotBlank @Size(max = 100) String section, @Positive Integer page,
                                @Size(max = 1000) String url) {
    }

    @Schema(name = "GuidanceInput", description = "Official guidance on how the requirement is met, e.g. a Q&A entry")
    public record GuidanceInput(@NotBlank @Size(max = 50) @Schema(example = "企Q-26") String ref,
                                @NotBlank @Size(max = 500) String document, @Positive Integer page,
                                @Size(max = 1000) String url, @Valid TextInput note) {
        GuidanceRef guidance() {
            return new GuidanceRef(ref, document, page, url, note == null ? null : note.text());
        }
    }

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

    @Schema(name = "MappingInput", description = "A mapping between two requirement keys; one of them must be in the draft")
    public record MappingInput(@NotBlank @Size(max = 100) String from, @NotBlank @Size(max = 100) String to,
                               @NotNull MappingRelation relation, @NotNull MappingBasis basis,
                               @NotNull Confidence confidence, @NotNull @Valid TextInput rationale,
                               @Size(max = 1000) String source) {
        public Mapping mapping() {
            return new Mapping(from, to, relation, basis, confidence, rationale.text(), source);
        }
    }

    @Schema(name = "PublishRequest", description = "publishedOn defaults to today")
    public record PublishRequest(@Schema(example = "2026-04-01") LocalDate publishedOn) {
    }
}
