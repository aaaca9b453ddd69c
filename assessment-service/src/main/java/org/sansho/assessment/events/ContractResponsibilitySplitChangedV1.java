package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * {@code org.sansho.contract.responsibility-split-changed.v1} as this service reads it (docs/asyncapi.yaml,
 * ContractResponsibilitySplitChangedV1): the contract, the checklist the split was set from, and every assigned item
 * with its side and the requirement keys it evidences. Properties a later minor revision adds are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractResponsibilitySplitChangedV1(UUID contractId, UUID hospitalId, UUID vendorId, String templateId,
                                                   List<Item> items, boolean acknowledged) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String key, String part, String party, String note, List<String> requirements) {
    }
}
