package org.sansho.assessment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.assessment.assessments.service.AssessmentOpening;
import org.sansho.assessment.assessments.service.RespondentGrants;
import org.sansho.assessment.assessments.service.ResponsibilitySplits;
import org.sansho.assessment.deadlines.service.DeadlineProjection;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.assessment.timeline.service.TimelineProjection;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.inbox.Inbox;

import java.time.Instant;
import java.util.Set;

/**
 * Contract facts: a state change into DISCLOSURE_REQUESTED, UNDER_REVIEW or TERMINATION_NOTICED opens the
 * assessment of that phase; every contract event keeps the posture read model current; notice-deadline and
 * certification reminders keep the dashboard's upcoming deadlines current; re-agreement facts mark the contracts
 * overview; a changed responsibility split decides who answers which item; a revoked respondent invitation's
 * scoped tokens are refused from then on; the parties' names any contract event
 * carries name them in the overview (the latest wins); every contract fact of a contract makes a line of its timeline. Other types pass by without a
 * transaction.
 */
@ApplicationScoped
public class ContractEventsConsumer {

    static final String CONSUMER = "assessment-service.contract-events";
    /** The contract facts assessments act on; the others (amended, re-agreement required …) pass by. */
    static final Set<String> HANDLED = Set.of(AssessmentEventTypes.CONTRACT_STATE_CHANGED,
            AssessmentEventTypes.CONTRACT_CREATED, AssessmentEventTypes.NOTICE_DEADLINE_APPROACHING,
            AssessmentEventTypes.CERTIFICATION_EXPIRING, AssessmentEventTypes.CONTRACT_AMENDED,
            AssessmentEventTypes.CONTRACT_INCIDENT_REPORTED, AssessmentEventTypes.CONTRACT_REAGREEMENT_REQUIRED,
            AssessmentEventTypes.CONTRACT_CLOSED,
            AssessmentEventTypes.CONTRACT_RESPONSIBILITY_SPLIT_CHANGED,
            AssessmentEventTypes.CONTRACT_RESPONDENT_INVITATION_REVOKED);

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final AssessmentOpening opening;
    private final PostureProjection posture;
    private final DeadlineProjection deadlines;
    private final TimelineProjection timeline;
    private final ResponsibilitySplits splits;
    private final RespondentGrants grants;

    public ContractEventsConsumer(Inbox inbox, CloudEventCodec codec, AssessmentOpening opening,
                                  PostureProjection posture, DeadlineProjection deadlines,
                                  TimelineProjection timeline, ResponsibilitySplits splits,
                                  RespondentGrants grants) {
        this.timeline = timeline;
        this.grants = grants;
        this.splits = splits;
        this.inbox = inbox;
        this.codec = codec;
        this.opening = opening;
        this.posture = posture;
        this.deadlines = deadlines;
    }

    /**
     * A poll's contract facts at once (the channel has {@code batch=true}): applied in one transaction with their
     * inbox records, each alone only when that fails ({@link Inbox#receiveAll}). A burst of transitions so costs
     * one commit per poll instead of one per fact, in the order of the partition.
     */
    @Incoming("contract-events")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.receiveAll(CONSUMER, records, HANDLED, this::apply);
    }

    private void apply(CloudEvent event) {
        switch (event.type()) {
            case AssessmentEventTypes.CONTRACT_STATE_CHANGED -> {
                ContractStateChangedV1 moved = codec.data(event, ContractStateChangedV1.class);
                opening.open(event, moved);
                posture.contractMoved(moved.contractId(), moved.hospitalId(), moved.vendorId(), moved.to(),
                        moved.phase());
                posture.stateChangedAt(moved.contractId(), moved.occurredAt() != null
                        ? moved.occurredAt().toInstant() : timeOf(event));
            }
            case AssessmentEventTypes.CONTRACT_CREATED -> {
                ContractCreatedV1 created = codec.data(event, ContractCreatedV1.class);
                posture.contractMoved(created.contractId(), created.hospitalId(), created.vendorId(),
                        created.state() == null ? "DRAFT" : created.state(),
                        created.phase() == null ? "PRE_CONTRACT" : created.phase());
                posture.titled(created.contractId(), created.title());
                posture.stateChangedAt(created.contractId(), timeOf(event));
            }
            case AssessmentEventTypes.CONTRACT_AMENDED -> {
                ContractAmendedV1 amended = codec.data(event, ContractAmendedV1.class);
                if (amended.reagreementRequired() != null) {
                    posture.reagreement(amended.contractId(), amended.hospitalId(), amended.vendorId(),
                            amended.reagreementRequired());
                }
            }
            case AssessmentEventTypes.CONTRACT_REAGREEMENT_REQUIRED -> {
                ContractReagreementRequiredV1 flagged = codec.data(event, ContractReagreementRequiredV1.class);
                posture.reagreement(flagged.contractId(), flagged.hospitalId(), flagged.vendorId(), true);
            }
            case AssessmentEventTypes.CONTRACT_INCIDENT_REPORTED, AssessmentEventTypes.CONTRACT_CLOSED -> {
                // timeline only
            }
            case AssessmentEventTypes.NOTICE_DEADLINE_APPROACHING ->
                    deadlines.notice(codec.data(event, NoticeDeadlineApproachingV1.class));
            case AssessmentEventTypes.CONTRACT_RESPONSIBILITY_SPLIT_CHANGED ->
                    splits.changed(codec.data(event, ContractResponsibilitySplitChangedV1.class));
            case AssessmentEventTypes.CERTIFICATION_EXPIRING ->
                    deadlines.certification(codec.data(event, CertificationExpiringV1.class));
            // No timeline line (TimelineRule has none for it): the invitation is the hospital's record.
            case AssessmentEventTypes.CONTRACT_RESPONDENT_INVITATION_REVOKED ->
                    grants.revoked(event, codec.data(event, RespondentInvitationRevokedV1.class));
            default -> throw new IllegalStateException("not a handled type: " + event.type());
        }
        // Every contract event names the parties as they are now (older events do not: nothing changes; a
        // certification reminder has no contract).
        ContractPartiesV1 parties = codec.data(event, ContractPartiesV1.class);
        posture.named(parties.contractId(), parties.hospitalName(), parties.vendorName(), timeOf(event));
        timeline.record(event);
    }

    private static Instant timeOf(CloudEvent event) {
        return event.time() == null ? null : event.time().toInstant();
    }
}
