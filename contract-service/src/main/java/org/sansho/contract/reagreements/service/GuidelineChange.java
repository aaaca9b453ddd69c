package org.sansho.contract.reagreements.service;

import org.sansho.contract.contracts.domain.VersionRef;

import java.util.List;

/**
 * A published guideline version that supersedes another, with the requirement keys it added, changed and removed
 * against it (from org.sansho.catalog.guideline-version.published.v1).
 */
public record GuidelineChange(VersionRef superseded, VersionRef by, List<String> addedKeys, List<String> changedKeys,
                              List<String> removedKeys) {
    public GuidelineChange {
        addedKeys = addedKeys == null ? List.of() : List.copyOf(addedKeys);
        changedKeys = changedKeys == null ? List.of() : List.copyOf(changedKeys);
        removedKeys = removedKeys == null ? List.of() : List.copyOf(removedKeys);
    }
}
