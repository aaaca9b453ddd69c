package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.VersionRef;

import java.util.List;

@Schema(name = "VersionMappings", description = "The mappings that touch a version's requirement keys (from or to), "
        + "in the order they were recorded")
public record VersionMappings(VersionRef version, List<Mapping> mappings) {
}
