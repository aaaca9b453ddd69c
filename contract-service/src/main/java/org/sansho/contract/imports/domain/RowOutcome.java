package org.sansho.contract.imports.domain;

/** What importing a row did (or, in a dry run, would do). */
public enum RowOutcome {
    CREATED, UPDATED, UNCHANGED
}
