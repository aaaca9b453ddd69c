package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.SlaTerms;

import java.math.BigDecimal;

@Schema(description = "Service levels")
public record SlaBody(
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 3)
        @Schema(example = "99.5") BigDecimal availabilityPercent,
        @Min(0) @Max(8760) @Schema(description = "recovery time objective, hours", example = "24") Integer rtoHours,
        @Min(0) @Max(8760) @Schema(description = "recovery point objective, hours", example = "24") Integer rpoHours,
        @Min(0) @Max(720) @Schema(description = "hours within which an incident is notified", example = "1")
        Integer incidentNotificationHours,
        @Min(0) @Max(365) @Schema(example = "7") Integer plannedOutageNoticeDays,
        @Size(max = 200) @Schema(example = "365 days 7:00–22:00") String supportHours,
        @Min(0) @Max(1000) @Schema(example = "7") Integer backupGenerations,
        @Schema(description = "an offline (ransomware-resistant) backup copy is kept", example = "true")
        Boolean offlineBackupCopy,
        @Size(max = 100) @Schema(example = "JP-East") String dataRegion) {
    public SlaTerms toTerms() {
        return new SlaTerms(availabilityPercent, rtoHours, rpoHours, incidentNotificationHours,
                plannedOutageNoticeDays, supportHours, backupGenerations, offlineBackupCopy, dataRegion);
    }
}
