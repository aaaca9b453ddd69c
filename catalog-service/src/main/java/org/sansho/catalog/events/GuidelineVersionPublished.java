package org.sansho.catalog.events;

import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.platform.events.DataSchema;

import java.time.LocalDate;
import java.util.List;

/**
 * A version was published and frozen. The key lists compare it with the version of the same guideline it
 * supersedes (all keys are added when it supersedes none of its own guideline).
 */
@DataSchema("GuidelineVersionPublishedV1")
public record GuidelineVersionPublished(String guidelineId, String version, LocalDate publishedOn,
                                        List<VersionRef> supersedes, List<String> addedKeys,
                                        List<String> removedKeys, List<String> changedKeys) {
}
