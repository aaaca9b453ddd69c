package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;

/**
 * {@code org.sansho.catalog.guideline-version.published.v1} as this service reads it (docs/asyncapi.yaml,
 * GuidelineVersionPublishedV1): a version, what it supersedes, and what changed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuidelineVersionPublishedV1(String guidelineId, String version, List<VersionRef> supersedes,
                                        List<String> addedKeys, List<String> removedKeys, List<String> changedKeys) {
}
