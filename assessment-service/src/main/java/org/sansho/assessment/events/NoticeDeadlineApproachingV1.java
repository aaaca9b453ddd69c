package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code org.sansho.contract.notice-deadline-approaching.v1} as this service reads it (docs/asyncapi.yaml,
 * NoticeDeadlineApproachingV1): the contract's parties and the deadline. Other properties are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeDeadlineApproachingV1(UUID contractId, UUID hospitalId, UUID vendorId, LocalDate deadline,
                                          Integer thresholdDays, String kind) {
}
