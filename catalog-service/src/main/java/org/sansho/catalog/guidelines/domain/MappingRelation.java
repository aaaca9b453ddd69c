package org.sansho.catalog.guidelines.domain;

/** Relation of one requirement to another (the NIST OLIR / OSCAL mapping vocabulary, plus succession). */
public enum MappingRelation {
    EQUIVALENT, SUBSET, SUPERSET, INTERSECTS, RELATED, SUPERSEDED_BY
}
