package org.sansho.catalog.guidelines.domain;

/** Who a guideline is written for. */
public enum Audience {
    HOSPITAL, VENDOR, BOTH
}
