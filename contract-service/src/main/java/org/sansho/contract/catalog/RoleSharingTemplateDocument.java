package org.sansho.contract.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A catalog template as this service reads it (catalog-service {@code GET /api/v1/disclosure-templates/{id}}): its
 * id, kind and items, each with its reference (e.g. {@code Part2 A-1}) and the requirement keys it evidences.
 * Properties the catalog adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleSharingTemplateDocument(String id, String kind, List<Item> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String ref, List<String> requirements, String party) {
    }
}
