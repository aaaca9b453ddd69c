package org.sansho.assessment.timeline.domain;

/** What a line of a contract's timeline is about. */
public enum TimelineKind {
    CONTRACT, STATE_CHANGE, ASSESSMENT, FINDING, INCIDENT, REAGREEMENT, REMINDER
}
