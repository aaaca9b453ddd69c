package org.sansho.catalog.guidelines.domain;

import java.util.List;

/** An entry of the threat catalogue (MHLW 6.0 Q&A 企Q-19 groups; vendor guideline 表5-1). */
public record Threat(String code, ThreatGroup group, LocalizedText name, LocalizedText description,
                     List<CiaImpact> impact, String source) {
}
