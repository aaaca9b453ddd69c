package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * {@code org.sansho.catalog.guideline-version.revised.v1} as this service reads it (docs/asyncapi.yaml,
 * GuidelineVersionRevisedV1): a published version whose requirements the catalog corrected, and what changed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuidelineVersionRevisedV1(String guidelineId, String version, List<String> addedKeys,
                                        List<String> removedKeys, List<String> changedKeys) {
}
