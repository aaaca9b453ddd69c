package org.sansho.assessment.timeline.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which events make a line of a contract's timeline, of what kind, and which of their payload's fields the line
 * keeps. Only named fields are kept: a later version of a payload that adds a field adds nothing to the timeline
 * until it is named here. Who changed a contract's state and why ({@link #HOSPITAL_ONLY}) stay with the hospital's
 * side, as who accepted a risk and why do (2省GL ch.5: accepting a risk is the medical institution's own decision).
 */
public final class TimelineRule {

    /** Fields that only the hospital's side (and services) see. */
    public static final Set<String> HOSPITAL_ONLY = Set.of("actor", "reason");

    private static final Map<String, Line> LINES = Map.ofEntries(
            Map.entry("org.sansho.contract.created.v1", new Line(TimelineKind.CONTRACT,
                    List.of("title", "state", "phase", "serviceModel"))),
            Map.entry("org.sansho.contract.state-changed.v1", new Line(TimelineKind.STATE_CHANGE,
                    List.of("from", "to", "phase", "actor", "reason"))),
            Map.entry("org.sansho.contract.amended.v1", new Line(TimelineKind.CONTRACT,
                    List.of("changed", "reagreementRequired"))),
            Map.entry("org.sansho.contract.incident-reported.v1", new Line(TimelineKind.INCIDENT,
                    List.of("incidentId", "ciaImpact", "detectedAt", "notifiedAt", "notifiedWithinSla"))),
            Map.entry("org.sansho.contract.reagreement-required.v1", new Line(TimelineKind.REAGREEMENT,
                    List.of("superseded", "by"))),
            Map.entry("org.sansho.contract.closed.v1", new Line(TimelineKind.CONTRACT,
                    List.of("closedAt", "deletionCertificateRef"))),
            Map.entry("org.sansho.contract.notice-deadline-approaching.v1", new Line(TimelineKind.REMINDER,
                    List.of("deadline", "thresholdDays", "kind"))),
            Map.entry("org.sansho.assessment.opened.v1", new Line(TimelineKind.ASSESSMENT,
                    List.of("assessmentId", "phase", "itemCount"))),
            Map.entry("org.sansho.assessment.submitted.v1", new Line(TimelineKind.ASSESSMENT,
                    List.of("assessmentId", "phase"))),
            Map.entry("org.sansho.assessment.completed.v1", new Line(TimelineKind.ASSESSMENT,
                    List.of("assessmentId", "phase", "verdict", "score", "openMandatoryGaps"))),
            Map.entry("org.sansho.assessment.verdict-changed.v1", new Line(TimelineKind.ASSESSMENT,
                    List.of("assessmentId", "phase", "verdict", "score", "openMandatoryGaps"))),
            Map.entry("org.sansho.assessment.stale.v1", new Line(TimelineKind.ASSESSMENT,
                    List.of("assessmentId", "phase", "superseded", "by"))),
            Map.entry("org.sansho.assessment.finding.opened.v1", new Line(TimelineKind.FINDING,
                    List.of("findingId", "assessmentId", "requirementKey", "obligation", "riskLevel", "dueDate"))),
            Map.entry("org.sansho.assessment.finding.overdue.v1", new Line(TimelineKind.FINDING,
                    List.of("findingId", "assessmentId", "requirementKey", "riskLevel", "dueDate"))),
            Map.entry("org.sansho.assessment.risk-acceptance.expiring.v1", new Line(TimelineKind.REMINDER,
                    List.of("findingId", "assessmentId", "requirementKey", "riskLevel", "expiresOn"))),
            Map.entry("org.sansho.assessment.items-unresolved.v1", new Line(TimelineKind.ASSESSMENT,
                    List.of("assessmentId", "phase", "reason", "pendingSince"))),
            Map.entry("org.sansho.assessment.evidence.expiring.v1", new Line(TimelineKind.REMINDER,
                    List.of("assessmentId", "requirementKey", "evidenceName", "validUntil", "thresholdDays"))));

    /** The kind of line an event type makes and the payload fields it keeps. */
    public record Line(TimelineKind kind, List<String> fields) {
    }

    private TimelineRule() {
    }

    /** The event types that make timeline lines. */
    public static Set<String> types() {
        return LINES.keySet();
    }

    public static Optional<Line> line(String type) {
        return Optional.ofNullable(LINES.get(type));
    }
}
