package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.catalog.guidelines.domain.Mapping;

import java.util.List;

@Schema(name = "RequirementDetail", description = "A requirement with the mappings that touch it")
public record RequirementDetail(RequirementView requirement, List<Mapping> mappings) {
}
