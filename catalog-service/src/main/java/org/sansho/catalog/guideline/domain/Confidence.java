package org.sansho.catalog.guideline.domain;

/** How sure a mapping is. */
public enum Confidence {
    HIGH, MEDIUM, LOW
}
