package org.sansho.catalog.guideline.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

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
    public record Item(String ref, LocalizedText text, List<String> requirements, Party party, boolean verified) {
        public Item {
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }
    }
}
