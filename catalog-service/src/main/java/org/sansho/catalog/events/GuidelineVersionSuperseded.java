package org.sansho.catalog.events;

import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.platform.events.DataSchema;

/** A published version was superseded by a newer one (possibly of another guideline). */
@DataSchema("GuidelineVersionSupersededV1")
public record GuidelineVersionSuperseded(String guidelineId, String version, VersionRef supersededBy) {
}
