package org.sansho.catalog.guidelines.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A section of a guideline version; {@code parent} is the number of the enclosing section. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(String number, String parent, LocalizedText title) {
}
