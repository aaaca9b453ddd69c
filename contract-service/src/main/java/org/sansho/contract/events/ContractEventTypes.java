package org.sansho.contract.events;

/** CloudEvents types this service publishes on contract.events and consumes (docs/asyncapi.yaml). */
public final class ContractEventTypes {

    public static final String TOPIC = "contract.events";
    public static final String CONTRACT_AGGREGATE = "contract";
    public static final String ORGANIZATION_AGGREGATE = "organization";

    public static final String CREATED = "org.sansho.contract.created.v1";
    public static final String STATE_CHANGED = "org.sansho.contract.state-changed.v1";
    public static final String AMENDED = "org.sansho.contract.amended.v1";
    public static final String INCIDENT_REPORTED = "org.sansho.contract.incident-reported.v1";
    public static final String REAGREEMENT_REQUIRED = "org.sansho.contract.reagreement-required.v1";
    public static final String REAGREEMENT_CONCLUDED = "org.sansho.contract.reagreement-concluded.v1";
    public static final String REAGREEMENT_OVERDUE = "org.sansho.contract.reagreement-overdue.v1";
    public static final String REVIEW_UNACCEPTABLE = "org.sansho.contract.review-unacceptable.v1";
    public static final String CLOSED = "org.sansho.contract.closed.v1";
    public static final String RESPONSIBILITY_SPLIT_CHANGED = "org.sansho.contract.responsibility-split-changed.v1";
    public static final String CERTIFICATION_EXPIRING = "org.sansho.contract.certification.expiring.v1";
    public static final String NOTICE_DEADLINE_APPROACHING = "org.sansho.contract.notice-deadline-approaching.v1";
    public static final String INCIDENT_RESTORED = "org.sansho.contract.incident-restored.v1";
    public static final String RENEWED = "org.sansho.contract.renewed.v1";
    public static final String TERM_EXPIRED = "org.sansho.contract.term-expired.v1";
    public static final String DISCLOSURE_SHARED_UNDERSTANDING_REACHED =
            "org.sansho.contract.disclosure.shared-understanding-reached.v1";
    public static final String RESPONDENT_INVITATION_REVOKED = "org.sansho.contract.respondent-invitation.revoked.v1";

    public static final String[] PUBLISHED = {CREATED, STATE_CHANGED, AMENDED, INCIDENT_REPORTED,
            REAGREEMENT_REQUIRED, REAGREEMENT_CONCLUDED, REAGREEMENT_OVERDUE, REVIEW_UNACCEPTABLE, CLOSED,
            CERTIFICATION_EXPIRING, NOTICE_DEADLINE_APPROACHING, INCIDENT_RESTORED, RENEWED, TERM_EXPIRED,
            DISCLOSURE_SHARED_UNDERSTANDING_REACHED, RESPONSIBILITY_SPLIT_CHANGED,
            RESPONDENT_INVITATION_REVOKED};

    /** Consumed from assessment.events. */
    public static final String ASSESSMENT_COMPLETED = "org.sansho.assessment.completed.v1";
    public static final String ASSESSMENT_VERDICT_CHANGED = "org.sansho.assessment.verdict-changed.v1";
    /** Consumed from catalog.events. */
    public static final String GUIDELINE_VERSION_PUBLISHED = "org.sansho.catalog.guideline-version.published.v1";
    public static final String GUIDELINE_VERSION_SUPERSEDED = "org.sansho.catalog.guideline-version.superseded.v1";
    public static final String GUIDELINE_VERSION_REVISED = "org.sansho.catalog.guideline-version.revised.v1";

    private ContractEventTypes() {
    }
}
