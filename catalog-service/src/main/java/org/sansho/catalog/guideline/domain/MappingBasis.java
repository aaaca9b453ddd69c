package org.sansho.catalog.guideline.domain;

/** Where a mapping comes from. */
public enum MappingBasis {
    OFFICIAL_TABLE, PUBLISHER_FAQ, EXPERT, INFERRED
}
