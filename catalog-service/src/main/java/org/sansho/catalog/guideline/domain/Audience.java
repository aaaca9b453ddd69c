package org.sansho.catalog.guideline.domain;

/** Who a guideline is written for. */
public enum Audience {
    HOSPITAL, VENDOR, BOTH
}
