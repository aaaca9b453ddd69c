package org.sansho.assessment.findings.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.findings.domain.RiskLevel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Findings counted on the likelihood × impact grid, with the level each cell stands for. */
@Schema(name = "RiskMatrix", description = "Findings placed on the 5 × 5 grid of likelihood and impact (the highest of "
        + "C/I/A) that the levels S–D come from (2省GL 表5-2); every cell is listed, empty ones with 0")
public record RiskMatrixView(@Schema(example = "HOSPITAL") String organizationKind, UUID organizationId,
                             @Schema(description = "The contract the matrix is limited to, if any") UUID contractId,
                             List<Cell> cells, Map<RiskLevel, Integer> byLevel, int findings) {

    @Schema(name = "RiskMatrixCell")
    public record Cell(@Schema(description = "1 (very low) to 5 (very high)") int likelihood,
                       @Schema(description = "The highest of the C/I/A impacts, 1 to 5") int impact,
                       @Schema(example = "A") RiskLevel level, int findings) {
    }
}
