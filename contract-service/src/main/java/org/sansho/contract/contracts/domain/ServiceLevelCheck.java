package org.sansho.contract.contracts.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Compares what happened in an incident with the service levels the contract promised (METI SaaS SLA guideline
 * items; 2省GL 表4-1 and MHLW 5.2 §6.10 make backup and recovery a disclosure topic): notification time against
 * the incident notification hours, restore time (from detection to restored service) against the RTO, and the
 * window of lost data against the RPO. A level the SLA does not set gives no verdict (null).
 */
public final class ServiceLevelCheck {

    private ServiceLevelCheck() {
    }

    /** Notified within {@code hours} of detection. */
    public static Boolean notifiedWithin(Instant detectedAt, Instant notifiedAt, Integer hours) {
        return within(detectedAt, notifiedAt, hours);
    }

    /** Service restored within the recovery time objective, counted from detection. */
    public static Boolean restoredWithinRto(Instant detectedAt, Instant restoredAt, Integer rtoHours) {
        return within(detectedAt, restoredAt, rtoHours);
    }

    /** Data lost for no longer than the recovery point objective allows. */
    public static Boolean lossWithinRpo(Integer dataLossMinutes, Integer rpoHours) {
        if (dataLossMinutes == null || rpoHours == null) {
            return null;
        }
        return dataLossMinutes <= rpoHours * 60L;
    }

    /** How many of the verdicts are breaches (false). */
    public static int breaches(Boolean... verdicts) {
        int n = 0;
        for (Boolean v : verdicts) {
            if (Boolean.FALSE.equals(v)) {
                n++;
            }
        }
        return n;
    }

    private static Boolean within(Instant from, Instant to, Integer hours) {
        if (from == null || to == null || hours == null) {
            return null;
        }
        return Duration.between(from, to).compareTo(Duration.ofHours(hours)) <= 0;
    }
}
