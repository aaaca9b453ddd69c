package org.sansho.contract.contracts.domain;

import java.math.BigDecimal;

/**
 * Service levels agreed in the contract (METI SaaS SLA guideline items; MHLW 5.2 §6.10 and 2省GL 表4-1 make
 * ransomware-resistant backup a disclosure topic, hence generations and offline copy).
 */
public record SlaTerms(
        BigDecimal availabilityPercent,
        Integer rtoHours,
        Integer rpoHours,
        Integer incidentNotificationHours,
        Integer plannedOutageNoticeDays,
        String supportHours,
        Integer backupGenerations,
        Boolean offlineBackupCopy,
        String dataRegion) {
}
