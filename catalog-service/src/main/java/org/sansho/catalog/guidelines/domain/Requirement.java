package org.sansho.catalog.guidelines.domain;

import java.util.List;

/**
 * One requirement of a guideline version. The key is stable: later versions of the same guideline keep it for
 * the same obligation, and no other guideline uses it. Empty service-model or data-category lists mean "all".
 */
public record Requirement(
        String key,
        String sectionNumber,
        String ref,
        LocalizedText title,
        LocalizedText summary,
        Obligation obligation,
        Category category,
        List<GuidelinePhase> phases,
        Party party,
        List<ServiceModel> serviceModels,
        List<DataCategory> dataCategories,
        List<ThreatImpact> threats,
        List<LocalizedText> evidence,
        Citation citation,
        List<GuidanceRef> guidance,
        Verification verification,
        String unverifiedReason,
        RequirementStatus status) {

    public Requirement {
        phases = phases == null ? List.of() : List.copyOf(phases);
        serviceModels = serviceModels == null ? List.of() : List.copyOf(serviceModels);
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        threats = threats == null ? List.of() : List.copyOf(threats);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        guidance = guidance == null ? List.of() : List.copyOf(guidance);
        status = status == null ? RequirementStatus.ACTIVE : status;
    }

    /** Whether the entry was checked against the final official text ({@link Verification#VERIFIED}). */
    public boolean verified() {
        return verification == Verification.VERIFIED;
    }

    public Requirement inSection(String number) {
        return new Requirement(key, number, ref, title, summary, obligation, category, phases, party, serviceModels,
                dataCategories, threats, evidence, citation, guidance, verification, unverifiedReason, status);
    }

    /**
     * The fields that change what a hospital or vendor must do: the wording, the obligation, to whom and when it
     * applies, the threats and the expected evidence. The citation, the guidance, the reference label and the verification
     * note follow the document and are not a change of the requirement itself.
     */
    public boolean differsInSubstanceFrom(Requirement other) {
        return !(title.equals(other.title) && summary.equals(other.summary) && obligation == other.obligation
                && category == other.category && phases.equals(other.phases) && party == other.party
                && serviceModels.equals(other.serviceModels) && dataCategories.equals(other.dataCategories)
                && threats.equals(other.threats) && evidence.equals(other.evidence) && status == other.status);
    }
}
