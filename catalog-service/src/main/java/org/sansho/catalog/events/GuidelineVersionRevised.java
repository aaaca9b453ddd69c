package org.sansho.catalog.events;

import org.sansho.platform.events.DataSchema;

import java.util.List;

/**
 * The catalog's transcription of a published version was corrected (numbering, wording, obligations, what applies
 * to whom): the guideline itself did not change, our reading of it did. The key lists compare the version's
 * requirements before and after the correction.
 */
@DataSchema("GuidelineVersionRevisedV1")
public record GuidelineVersionRevised(String guidelineId, String version, List<String> addedKeys,
                                      List<String> removedKeys, List<String> changedKeys) {
}
