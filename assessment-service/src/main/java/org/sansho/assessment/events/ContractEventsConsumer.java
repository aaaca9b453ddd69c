package org.sansho.assessment.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.assessment.assessments.service.AssessmentOpening;
import org.sansho.assessment.dashboard.DeadlineProjection;
import org.sansho.assessment.posture.PostureProjection;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.platform.inbox.Inbox;

import java.util.Set;

/**
 * Contract facts: a state change into DISCLOSURE_REQUESTED, UNDER_REVIEW or TERMINATION_NOTICED opens the
 * assessment of that phase; every contract event keeps the posture read model current; notice-deadline and
 * certification reminders keep the dashboard's upcoming deadlines current. Other types pass by without a transaction.
 */
@ApplicationScoped
public class ContractEventsConsumer {

    static final String CONSUMER = "assessment-service.contract-events";
    /** The contract facts assessments act on; the others (amended, re-agreement required …) pass by. */
    static final Set<String> HANDLED = Set.of(AssessmentEventTypes.CONTRACT_STATE_CHANGED,
            AssessmentEventTypes.CONTRACT_CREATED, AssessmentEventTypes.NOTICE_DEADLINE_APPROACHING,
            AssessmentEventTypes.CERTIFICATION_EXPIRING);

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final AssessmentOpening opening;
    private final PostureProjection posture;
    private final DeadlineProjection deadlines;

    public ContractEventsConsumer(Inbox inbox, CloudEventCodec codec, AssessmentOpening opening,
                                  PostureProjection posture, DeadlineProjection deadlines) {
        this.inbox = inbox;
        this.codec = codec;
        this.opening = opening;
        this.posture = posture;
        this.deadlines = deadlines;
    }

    @Incoming("contract-events")
    @Blocking
    public void on(String value) {
        inbox.receive(CONSUMER, value, HANDLED, event -> {
            switch (event.type()) {
                case AssessmentEventTypes.CONTRACT_STATE_CHANGED -> {
                    ContractEvent contract = codec.data(event, ContractEvent.class);
                    opening.open(event, contract);
                    posture.contractMoved(contract, contract.to(), contract.phase());
                }
                case AssessmentEventTypes.CONTRACT_CREATED -> {
                    ContractEvent contract = codec.data(event, ContractEvent.class);
                    posture.contractMoved(contract, contract.state() == null ? "DRAFT" : contract.state(),
                            contract.phase() == null ? "PRE_CONTRACT" : contract.phase());
                }
                case AssessmentEventTypes.NOTICE_DEADLINE_APPROACHING ->
                        deadlines.notice(codec.data(event, DeadlineProjection.NoticeDeadline.class));
                case AssessmentEventTypes.CERTIFICATION_EXPIRING ->
                        deadlines.certification(codec.data(event, DeadlineProjection.CertificationExpiry.class));
                default -> throw new IllegalStateException("not a handled type: " + event.type());
            }
        });
    }
}
