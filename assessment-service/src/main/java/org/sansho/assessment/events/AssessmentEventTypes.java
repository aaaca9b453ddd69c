package org.sansho.assessment.events;

/** The CloudEvents types this service publishes and consumes (docs/asyncapi.yaml). */
public final class AssessmentEventTypes {

    /** Aggregate type of every published event; its id (the record key) is the contract id. */
    public static final String AGGREGATE = "contract";

    public static final String OPENED = "org.sansho.assessment.opened.v1";
    public static final String SUBMITTED = "org.sansho.assessment.submitted.v1";
    public static final String COMPLETED = "org.sansho.assessment.completed.v1";
    public static final String VERDICT_CHANGED = "org.sansho.assessment.verdict-changed.v1";
    public static final String STALE = "org.sansho.assessment.stale.v1";
    public static final String ITEMS_UNRESOLVED = "org.sansho.assessment.items-unresolved.v1";
    public static final String FINDING_OPENED = "org.sansho.assessment.finding.opened.v1";
    public static final String FINDING_OVERDUE = "org.sansho.assessment.finding.overdue.v1";
    public static final String RISK_ACCEPTANCE_EXPIRING = "org.sansho.assessment.risk-acceptance.expiring.v1";
    public static final String EVIDENCE_EXPIRING = "org.sansho.assessment.evidence.expiring.v1";

    public static final String CONTRACT_CREATED = "org.sansho.contract.created.v1";
    public static final String CONTRACT_STATE_CHANGED = "org.sansho.contract.state-changed.v1";
    public static final String CONTRACT_AMENDED = "org.sansho.contract.amended.v1";
    public static final String CONTRACT_INCIDENT_REPORTED = "org.sansho.contract.incident-reported.v1";
    public static final String CONTRACT_REAGREEMENT_REQUIRED = "org.sansho.contract.reagreement-required.v1";
    public static final String CONTRACT_CLOSED = "org.sansho.contract.closed.v1";
    public static final String NOTICE_DEADLINE_APPROACHING = "org.sansho.contract.notice-deadline-approaching.v1";
    public static final String CERTIFICATION_EXPIRING = "org.sansho.contract.certification.expiring.v1";
    public static final String CONTRACT_RESPONSIBILITY_SPLIT_CHANGED =
            "org.sansho.contract.responsibility-split-changed.v1";
    public static final String CONTRACT_RESPONDENT_INVITATION_REVOKED =
            "org.sansho.contract.respondent-invitation.revoked.v1";
    public static final String CATALOG_VERSION_PUBLISHED = "org.sansho.catalog.guideline-version.published.v1";
    public static final String CATALOG_VERSION_REVISED = "org.sansho.catalog.guideline-version.revised.v1";

    public static final java.util.List<String> PUBLISHED = java.util.List.of(OPENED, SUBMITTED, COMPLETED,
            VERDICT_CHANGED, STALE, ITEMS_UNRESOLVED, FINDING_OPENED, FINDING_OVERDUE, RISK_ACCEPTANCE_EXPIRING,
            EVIDENCE_EXPIRING);

    private AssessmentEventTypes() {
    }
}
