package org.sansho.assessment.assessments.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.assessments.domain.EvidenceExpiry;
import org.sansho.assessment.deadlines.service.DeadlineProjection;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.tenancy.SystemScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Announces evidence references whose validUntil is 30, 7 or 0 days away (EvidenceExpiry), once per threshold: the
 * evidence_expiry_notice table's key makes a second announcement impossible, also across instances. Each notice
 * publishes assessment.evidence.expiring and updates the deadlines read model in the same transaction.
 */
@ApplicationScoped
@SystemScope("assessment-service.evidence-expiry")
public class EvidenceExpiryWatch {

    private static final String ACTOR = "assessment-service.evidence-expiry";

    private final EntityManager em;
    private final Outbox outbox;
    private final DeadlineProjection deadlines;
    private final AssessmentAudit audit;
    private final Clock clock;

    public EvidenceExpiryWatch(EntityManager em, Outbox outbox, DeadlineProjection deadlines, AssessmentAudit audit,
                               Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${sansho.assessment.deadline-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(LocalDate.now(clock));
    }

    /** One evidence reference with a validity date, and the assessment it belongs to. */
    record Dated(UUID itemId, UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId,
                 String requirementKey, String name, LocalDate validUntil) {
    }

    /** Announces what is due on {@code today}; returns how many notices were published. */
    @Transactional
    public int check(LocalDate today) {
        audit.actAs(ACTOR, null);
        int sent = 0;
        for (Dated e : dated(today)) {
            Optional<Integer> threshold = claim(e, today);
            if (threshold.isEmpty()) {
                continue;
            }
            outbox.publish(AssessmentEventTypes.AGGREGATE, e.contractId().toString(),
                    AssessmentEventTypes.EVIDENCE_EXPIRING,
                    new AssessmentPayloads.EvidenceExpiring(e.assessmentId(), e.contractId(), e.hospitalId(),
                            e.vendorId(), e.itemId(), e.requirementKey(), e.name(), e.validUntil(), threshold.get()));
            deadlines.evidence(e.itemId(), e.name(), e.contractId(), e.hospitalId(), e.vendorId(), e.validUntil(),
                    threshold.get());
            audit.itemNotice("evidence.expiring-noticed", e.assessmentId(), e.requirementKey(), e.hospitalId(),
                    e.vendorId(), Map.of("evidence", e.name(), "validUntil", e.validUntil().toString(),
                            "threshold", threshold.get()));
            sent++;
        }
        return sent;
    }

    /**
     * Evidence references whose validUntil lies between {@value EvidenceExpiry#LOOK_BACK_DAYS} days ago and 30 days
     * ahead. The JSON column holds a date as [year, month, day] (the entity's JSON mapping) or as an ISO string;
     * both are read.
     */
    private List<Dated> dated(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select i.id, a.id, a.contract_id, a.hospital_id, a.vendor_id, i.requirement_key,
                               e ->> 'name', v.valid_until
                        from assessment_item i join assessment a on a.id = i.assessment_id
                        cross join lateral jsonb_array_elements(i.evidence_refs) e
                        cross join lateral (select case jsonb_typeof(e -> 'validUntil')
                            when 'string' then cast(e ->> 'validUntil' as date)
                            when 'array' then make_date(cast(e -> 'validUntil' ->> 0 as int),
                                cast(e -> 'validUntil' ->> 1 as int), cast(e -> 'validUntil' ->> 2 as int))
                            end as valid_until) v
                        where v.valid_until between ?1 and ?2
                        order by 8, 1""")
                .setParameter(1, today.minusDays(EvidenceExpiry.LOOK_BACK_DAYS))
                .setParameter(2, today.plusDays(EvidenceExpiry.THRESHOLDS.get(0)))
                .getResultList();
        return rows.stream().map(r -> new Dated((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (UUID) r[4],
                (String) r[5], (String) r[6], toDate(r[7]))).toList();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * Marks every threshold reached as sent and answers the nearest one if it was not sent before (the farther ones
     * are only marked, so a late first run does not announce three at once).
     */
    private Optional<Integer> claim(Dated e, LocalDate today) {
        Optional<Integer> nearest = EvidenceExpiry.nearest(e.validUntil(), today);
        boolean nearestIsNew = false;
        for (int threshold : EvidenceExpiry.reached(e.validUntil(), today)) {
            boolean inserted = em.createNativeQuery("""
                            insert into evidence_expiry_notice (item_id, evidence_name, valid_until, threshold, sent_at)
                            values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                    .setParameter(1, e.itemId()).setParameter(2, e.name()).setParameter(3, e.validUntil())
                    .setParameter(4, threshold).setParameter(5, clock.instant()).executeUpdate() == 1;
            if (nearest.isPresent() && threshold == nearest.get()) {
                nearestIsNew = inserted;
            }
        }
        return nearestIsNew ? nearest : Optional.empty();
    }
}
