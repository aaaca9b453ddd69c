package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.util.List;
import java.util.UUID;

/**
 * The data of a contract event as this service reads it: the ContractContext every contract event carries, plus
 * the state-change fields where present.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractEvent(UUID contractId, UUID hospitalId, UUID vendorId, UUID serviceId, String serviceModel,
                            List<VersionRef> baseline, List<String> dataCategories, String from, String to,
                            String phase, String state) {
}
