package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code org.sansho.contract.certification.expiring.v1} as this service reads it (docs/asyncapi.yaml,
 * CertificationExpiringV1). Properties a later minor revision adds are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificationExpiringV1(UUID organizationId, UUID certificationId, String scheme, LocalDate expiresOn,
                                      Integer thresholdDays) {
}
