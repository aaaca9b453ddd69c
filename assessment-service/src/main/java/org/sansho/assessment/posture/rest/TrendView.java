package org.sansho.assessment.posture.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A hospital's or a vendor's posture week by week. */
@Schema(name = "PostureTrend", description = "Open mandatory gaps, overdue findings and contracts per phase at the end of "
        + "each week (ISO weeks from Monday, UTC), oldest first; the current week is as of now")
public record TrendView(@Schema(example = "HOSPITAL") String organizationKind, UUID organizationId, List<Week> weeks) {

    @Schema(name = "PostureTrendWeek")
    public record Week(@Schema(description = "Monday of the week") LocalDate weekStart, int contracts,
                       Map<String, Integer> contractsByPhase, int openMandatoryGaps, int overdueFindings) {
    }
}
