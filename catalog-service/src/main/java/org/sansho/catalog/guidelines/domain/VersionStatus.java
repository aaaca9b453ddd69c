package org.sansho.catalog.guidelines.domain;

/** Life of a guideline version: only a DRAFT can be edited; publishing freezes it, a later version supersedes it. */
public enum VersionStatus {
    DRAFT, PUBLISHED, SUPERSEDED;

    /** Published and superseded versions are immutable: assessments and contracts refer to them by label. */
    public boolean frozen() {
        return this != DRAFT;
    }
}
