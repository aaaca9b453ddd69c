package org.sansho.assessment.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;

/** The catalog's answer ({@code POST /api/v1/applicability}); only the fields this service uses are read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicableRequirements(List<VersionRef> baseline, List<Requirement> requirements, int total) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirement(String key, String guidelineId, String version, String sectionNumber, String ref,
                              Text title, Text summary, String obligation, String category, List<String> phases,
                              String party, List<Text> evidence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String ja, String en) {
    }
}
