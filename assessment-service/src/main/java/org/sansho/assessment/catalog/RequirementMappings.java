package org.sansho.assessment.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;

/**
 * The catalog's mappings that touch a version's keys ({@code GET /api/v1/guidelines/{id}/versions/{v}/mappings});
 * only the fields this service uses are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequirementMappings(VersionRef version, List<Mapping> mappings) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mapping(String from, String to, String relation) {
    }
}
