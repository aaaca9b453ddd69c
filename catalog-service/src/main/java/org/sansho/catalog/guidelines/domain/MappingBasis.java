package org.sansho.catalog.guidelines.domain;

/** Where a mapping comes from. */
public enum MappingBasis {
    OFFICIAL_TABLE, PUBLISHER_FAQ, EXPERT, INFERRED
}
