package org.sansho.catalog.events;

import org.sansho.catalog.guideline.domain.VersionRef;

/** A published version was superseded by a newer one (possibly of another guideline). */
public record GuidelineVersionSuperseded(String guidelineId, String version, VersionRef supersededBy) {
}
