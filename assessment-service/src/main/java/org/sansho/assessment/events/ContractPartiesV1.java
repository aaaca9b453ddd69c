package org.sansho.assessment.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/**
 * The parties of any contract event as this service reads them (docs/asyncapi.yaml, ContractContext): their ids and,
 * in events published since names are carried, their registered names. An older event has no names (null here).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractPartiesV1(UUID contractId, UUID hospitalId, UUID vendorId, OrganizationName hospitalName,
                                OrganizationName vendorName) {

    /** An organization's registered name: Japanese, and English where one was registered. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationName(String ja, String en) {

        /** Whether the name says anything (an empty object is no name). */
        public boolean present() {
            return (ja != null && !ja.isBlank()) || (en != null && !en.isBlank());
        }
    }
}
