package org.sansho.assessment.deadlines.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.events.CertificationExpiringV1;
import org.sansho.assessment.events.NoticeDeadlineApproachingV1;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps {@code upcoming_deadline} current from contract-service's reminder events, inside the inbox transaction
 * of the event. A later reminder of the same deadline (a closer threshold, or a moved date) replaces the earlier.
 */
@ApplicationScoped
public class DeadlineProjection {

    public static final String EVIDENCE_EXPIRY = "EVIDENCE_EXPIRY";

    private final EntityManager em;
    private final Clock clock;

    public DeadlineProjection(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notice(NoticeDeadlineApproachingV1 n) {
        if (n.contractId() == null || n.vendorId() == null || n.deadline() == null) {
            return;
        }
        String kind = "END_DATE_PASSED".equals(n.kind()) ? "END_DATE_PASSED" : "NOTICE_DEADLINE";
        upsert(kind, n.contractId(), n.contractId(), n.hospitalId(), n.vendorId(), null, n.deadline(),
                n.thresholdDays());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void certification(CertificationExpiringV1 c) {
        if (c.certificationId() == null || c.organizationId() == null || c.expiresOn() == null) {
            return;
        }
        upsert("CERTIFICATION_EXPIRY", c.certificationId(), null, null, c.organizationId(), c.scheme(),
                c.expiresOn(), c.thresholdDays());
    }

    /**
     * An evidence reference nearing its validUntil, announced by this service itself (EvidenceExpiryWatch) in the
     * transaction of its event; one row per item and evidence name.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evidence(UUID itemId, String evidenceName, UUID contract, UUID hospital, UUID vendor,
                         LocalDate validUntil, int threshold) {
        UUID subject = UUID.nameUUIDFromBytes((itemId + "|" + evidenceName).getBytes(StandardCharsets.UTF_8));
        String label = evidenceName.length() > 200 ? evidenceName.substring(0, 200) : evidenceName;
        upsert(EVIDENCE_EXPIRY, subject, contract, hospital, vendor, label, validUntil, threshold);
    }

    private void upsert(String kind, UUID subject, UUID contract, UUID hospital, UUID vendor, String label,
                        LocalDate due, Integer threshold) {
        em.createNativeQuery("""
                        insert into upcoming_deadline (kind, subject_id, contract_id, hospital_id, vendor_id, label, due_on,
                            threshold_days, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (kind, subject_id) do update set due_on = excluded.due_on,
                            threshold_days = excluded.threshold_days, label = coalesce(excluded.label, upcoming_deadline.label),
                            updated_at = excluded.updated_at""")
                .setParameter(1, kind).setParameter(2, subject).setParameter(3, contract).setParameter(4, hospital)
                .setParameter(5, vendor).setParameter(6, label).setParameter(7, due).setParameter(8, threshold)
                .setParameter(9, clock.instant()).executeUpdate();
    }
}
