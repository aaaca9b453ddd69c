package org.sansho.catalog.guidelines.domain;

/** How sure a mapping is. */
public enum Confidence {
    HIGH, MEDIUM, LOW
}
