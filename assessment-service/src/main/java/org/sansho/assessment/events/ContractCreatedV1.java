package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;
import java.util.UUID;

/**
 * {@code org.sansho.contract.created.v1} as this service reads it (docs/asyncapi.yaml, ContractCreatedV1): the
 * contract context, its title, state and phase. Properties a later minor revision adds are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractCreatedV1(UUID contractId, UUID hospitalId, UUID vendorId, UUID serviceId, String serviceModel,
                                List<VersionRef> baseline, List<String> dataCategories, String title, String state,
                                String phase) {
}
