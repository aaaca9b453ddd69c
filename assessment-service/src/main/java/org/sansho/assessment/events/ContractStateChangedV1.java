package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code org.sansho.contract.state-changed.v1} as this service reads it (docs/asyncapi.yaml, ContractStateChangedV1):
 * the contract context, then the move. Properties a later minor revision adds are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractStateChangedV1(UUID contractId, UUID hospitalId, UUID vendorId, UUID serviceId,
                                     String serviceModel, List<VersionRef> baseline, List<String> dataCategories,
                                     String from, String to, String phase, String actor, String reason,
                                     OffsetDateTime occurredAt) {
}
