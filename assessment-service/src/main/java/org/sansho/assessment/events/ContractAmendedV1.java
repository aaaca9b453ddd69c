package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * {@code org.sansho.contract.amended.v1} as this service reads it (docs/asyncapi.yaml, ContractAmendedV1): the
 * contract's parties and whether a re-agreement is (still) required after the amendment. Other properties are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractAmendedV1(UUID contractId, UUID hospitalId, UUID vendorId, List<String> changed,
                                Boolean reagreementRequired) {
}
