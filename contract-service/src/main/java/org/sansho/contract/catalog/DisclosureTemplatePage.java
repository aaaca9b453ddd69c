package org.sansho.contract.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A page of the catalog's disclosure templates, read as far as this service needs them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureTemplatePage(List<Template> items, long totalItems) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Template(String id, String kind, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String ref, Text text, List<String> requirements) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String ja, String en) {
    }
}
