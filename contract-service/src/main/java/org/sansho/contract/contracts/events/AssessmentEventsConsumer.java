package org.sansho.contract.contracts.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.events.CloudEventCodec;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.platform.inbox.Inbox;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.inbox.PoisonEventException;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the latest assessment result per contract and phase, which the AGREED and CLOSED guards read. "Latest" is
 * by completedAt (then by event time): an older event arriving late never overwrites a newer result.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    public static final String CONSUMER = "contract-service.assessment-events";
    /** The assessment facts a contract keeps; the others (opened, items filled, findings …) pass by. */
    private static final Set<String> HANDLED = Set.of(ContractEventTypes.ASSESSMENT_COMPLETED,
            ContractEventTypes.ASSESSMENT_VERDICT_CHANGED);
    private static final Set<String> PHASES = Set.of("PRE_CONTRACT", "IN_CONTRACT", "POST_TERMINATION");
    private static final Set<String> VERDICTS = Set.of("ACCEPTABLE", "CONDITIONAL", "UNACCEPTABLE");

    /**
     * The payload of assessment.completed.v1 and assessment.verdict-changed.v1 as this service reads it
     * (docs/asyncapi.yaml, AssessmentResultV1; properties this service does not use are ignored).
     */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record AssessmentResultV1(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId, String phase,
                                   String verdict, BigDecimal score, Integer openMandatoryGaps,
                                   OffsetDateTime completedAt) {
    }

    private final Inbox inbox;
    private final CloudEventCodec codec;
    private final EntityManager em;

    private final AuditTrail audit;
    private final Outbox outbox;

    public AssessmentEventsConsumer(Inbox inbox, CloudEventCodec codec, EntityManager em, AuditTrail audit,
                                    Outbox outbox) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.codec = codec;
        this.em = em;
        this.audit = audit;
    }

    @Incoming("assessment-events")
    @Blocking
    public void on(String value) {
        inbox.receive(CONSUMER, value, HANDLED, this::apply);
    }

    private void apply(CloudEvent event) {
        AssessmentResultV1 r = codec.data(event, AssessmentResultV1.class);
        if (r.assessmentId() == null || r.contractId() == null || !PHASES.contains(r.phase())
                || !VERDICTS.contains(r.verdict()) || r.openMandatoryGaps() == null || r.openMandatoryGaps() < 0
                || r.completedAt() == null) {
            throw new PoisonEventException("event " + event.id() + " is not a complete AssessmentResult");
        }
        OffsetDateTime eventTime = event.time() == null ? r.completedAt() : event.time();
        int applied = em.createNativeQuery("""
                        insert into assessment_result (contract_id, phase, assessment_id, verdict, score,
                            open_mandatory_gaps, completed_at, event_time, event_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (contract_id, phase) do update set assessment_id = excluded.assessment_id,
                            verdict = excluded.verdict, score = excluded.score,
                            open_mandatory_gaps = excluded.open_mandatory_gaps, completed_at = excluded.completed_at,
                            event_time = excluded.event_time, event_id = excluded.event_id
                        where (assessment_result.completed_at, assessment_result.event_time)
                            <= (excluded.completed_at, excluded.event_time)""")
                .setParameter(1, r.contractId())
                .setParameter(2, r.phase())
                .setParameter(3, r.assessmentId())
                .setParameter(4, r.verdict())
                .setParameter(5, r.score())
                .setParameter(6, r.openMandatoryGaps())
                .setParameter(7, r.completedAt().toInstant().truncatedTo(ChronoUnit.MICROS))
                .setParameter(8, eventTime.toInstant().truncatedTo(ChronoUnit.MICROS))
                .setParameter(9, event.id())
                .executeUpdate();
        if (applied > 0) {
            audit.actAs(AuditActor.system(CONSUMER), "event:" + event.id());
            audit.record("contract.assessment-result-recorded", "contract", r.contractId(),
                    java.util.stream.Stream.of(r.hospitalId(), r.vendorId()).filter(java.util.Objects::nonNull)
                            .toList(), null, r);
            reviewUnacceptable(r);
        }
    }

    /**
     * An UNACCEPTABLE result of the review a contract is in keeps it UNDER_REVIEW (the guard refuses ACTIVE); both
     * sides are told, so that the vendor remedies and the hospital decides (2省GL §3.2.2).
     */
    private void reviewUnacceptable(AssessmentResultV1 r) {
        if (!"IN_CONTRACT".equals(r.phase()) || !"UNACCEPTABLE".equals(r.verdict())) {
            return;
        }
        Contract c = Contract.findById(r.contractId());
        if (c == null || c.state != ContractState.UNDER_REVIEW) {
            return;
        }
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.REVIEW_UNACCEPTABLE,
                new ContractPayloads.ReviewUnacceptable(ContractContext.of(c), r.assessmentId(), r.verdict(),
                        r.openMandatoryGaps(), r.completedAt()));
    }
}
