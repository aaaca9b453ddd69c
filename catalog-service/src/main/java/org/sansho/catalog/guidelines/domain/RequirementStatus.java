package org.sansho.catalog.guidelines.domain;

/** A requirement is never deleted: one that left the guideline is WITHDRAWN, one that went elsewhere MOVED. */
public enum RequirementStatus {
    ACTIVE, WITHDRAWN, MOVED
}
