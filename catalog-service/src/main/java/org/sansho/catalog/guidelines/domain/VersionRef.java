package org.sansho.catalog.guidelines.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A guideline version by guideline id and version label. */
@Schema(description = "A guideline version", example = "{\"guidelineId\":\"meti-mic-medical-service-provider\",\"version\":\"1.1\"}")
public record VersionRef(@NotBlank @Size(max = 100) String guidelineId, @NotBlank @Size(max = 20) String version) {

    @Override
    public String toString() {
        return guidelineId + " " + version;
    }
}
