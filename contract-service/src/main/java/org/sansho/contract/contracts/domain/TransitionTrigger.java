package org.sansho.contract.contracts.domain;

/** What asks for a transition: a user's request, or the report of an incident. */
public enum TransitionTrigger {
    REQUEST, INCIDENT_REPORT
}
