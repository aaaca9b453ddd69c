package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.VersionRef;

import java.util.List;

@Schema(name = "VersionDiff", description = "Requirement keys added, removed and changed between two versions")
public record DiffView(VersionRef version, VersionRef against, List<String> addedKeys, List<String> removedKeys,
                       List<String> changedKeys) {
}
