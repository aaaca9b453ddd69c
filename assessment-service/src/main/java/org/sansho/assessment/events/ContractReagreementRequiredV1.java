package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.UUID;

/**
 * {@code org.sansho.contract.reagreement-required.v1} as this service reads it (docs/asyncapi.yaml,
 * ContractReagreementRequiredV1): the contract's parties and the superseded baseline version. Other properties are
 * ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractReagreementRequiredV1(UUID contractId, UUID hospitalId, UUID vendorId, VersionRef superseded,
                                            VersionRef by) {
}
