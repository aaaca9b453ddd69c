package org.sansho.catalog.guideline.domain;

import java.util.List;

/** A threat (code from the threat catalogue) and the security properties it harms for this requirement. */
public record ThreatImpact(String threat, List<CiaImpact> impact) {
}
