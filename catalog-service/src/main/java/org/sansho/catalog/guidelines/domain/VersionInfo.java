package org.sansho.catalog.guidelines.domain;

import java.time.LocalDate;
import java.util.List;

/** A guideline version's own facts and its place in the lineage. */
public record VersionInfo(
        String guidelineId,
        String version,
        LocalDate publishedOn,
        VersionStatus status,
        List<VersionRef> supersedes,
        List<VersionRef> supersededBy,
        String sourceTitle,
        String sourceUrl,
        LocalizedText notes,
        boolean hasContent,
        long rowVersion) {

    public VersionRef ref() {
        return new VersionRef(guidelineId, version);
    }
}
