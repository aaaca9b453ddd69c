package org.sansho.catalog.guidelines.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What a vendor discloses to a hospital (vendor guideline 表4-1, the JAHIS SDS headings) or the 2024 role-sharing
 * checklist; each item names the requirement keys it evidences.
 */
public record DisclosureTemplate(String id, TemplateKind kind, LocalizedText title, Source source, List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String document, String version, String section, Integer page) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String ref, LocalizedText text, List<String> requirements, Party party,
                       Verification verification, Integer page) {
        public Item {
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }

        /** Kept in the API beside {@code verification}: true only for an item checked against the final text. */
        @JsonProperty(value = "verified", access = JsonProperty.Access.READ_ONLY)
        public boolean verified() {
            return verification == Verification.VERIFIED;
        }
    }
}
