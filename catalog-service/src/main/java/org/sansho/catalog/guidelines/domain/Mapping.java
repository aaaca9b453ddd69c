package org.sansho.catalog.guidelines.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A relation between two requirements (by stable key), across guidelines or versions, and why we hold it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mapping(String from, String to, MappingRelation relation, MappingBasis basis, Confidence confidence,
                      LocalizedText rationale, String source) {
}
