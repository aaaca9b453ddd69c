package org.sansho.assessment.assessments.service;

import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.catalog.ApplicableRequirements;

import java.util.List;
import java.util.UUID;

/** Turns catalog requirements into item snapshots (key, text, obligation) that later catalog changes never touch. */
final class RequirementSnapshots {

    private RequirementSnapshots() {
    }

    static AssessmentItem item(UUID assessmentId, ApplicableRequirements.Requirement r, int position) {
        AssessmentItem item = new AssessmentItem();
        item.id = UUID.randomUUID();
        item.assessmentId = assessmentId;
        item.requirementKey = r.key();
        item.guidelineId = r.guidelineId();
        item.guidelineVersion = r.version();
        item.sectionNumber = r.sectionNumber();
        item.ref = r.ref();
        item.titleJa = r.title() == null ? null : r.title().ja();
        item.titleEn = r.title() == null ? null : r.title().en();
        item.summaryJa = r.summary() == null ? null : r.summary().ja();
        item.summaryEn = r.summary() == null ? null : r.summary().en();
        item.obligation = obligation(r.obligation());
        item.category = r.category();
        item.party = r.party();
        item.expectedEvidence = r.evidence() == null ? List.of()
                : r.evidence().stream().map(t -> new AssessmentItem.LocalizedText(t.ja(), t.en())).toList();
        item.position = position;
        return item;
    }

    /**
     * Statutory duties (MHLW v5 "A") are at least mandatory; anything the catalog leaves unspecified is treated
     * as informative, so it never creates a gap on its own.
     */
    static Obligation obligation(String catalogObligation) {
        if (catalogObligation == null) {
            return Obligation.INFORMATIVE;
        }
        return switch (catalogObligation) {
            case "MANDATORY", "STATUTORY" -> Obligation.MANDATORY;
            case "RECOMMENDED" -> Obligation.RECOMMENDED;
            default -> Obligation.INFORMATIVE;
        };
    }
}
