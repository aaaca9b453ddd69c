package org.sansho.catalog.guidelines.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where in the official document a requirement comes from; every requirement carries one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Citation(String document, String version, String section, Integer page, String url) {

    public boolean complete() {
        return present(document) && present(version) && present(section);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
