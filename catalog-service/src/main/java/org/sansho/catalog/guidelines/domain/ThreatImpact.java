package org.sansho.catalog.guidelines.domain;

import java.util.List;
import java.util.Objects;

/**
 * A threat (code from the threat catalogue) and the security properties it harms for this requirement. The
 * properties are a set, kept in C, I, A order, so that the same impact written in another order is the same value.
 */
public record ThreatImpact(String threat, List<CiaImpact> impact) {

    public ThreatImpact {
        impact = impact == null ? null
                : impact.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }
}
