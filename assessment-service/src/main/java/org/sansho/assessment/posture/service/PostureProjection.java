package org.sansho.assessment.posture.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.events.AssessmentPayloads;

import java.time.Clock;
import java.util.UUID;

/**
 * Keeps the per-contract posture rows current. Contract phase and state come from contract events; the latest
 * verdict, its open mandatory gaps and the count of overdue findings are written in the same transaction as the
 * event this service publishes about them.
 */
@ApplicationScoped
public class PostureProjection {

    private final EntityManager em;
    private final Clock clock;

    public PostureProjection(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contractMoved(UUID contractId, UUID hospitalId, UUID vendorId, String state, String phase) {
        if (contractId == null || hospitalId == null || vendorId == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into contract_posture (contract_id, hospital_id, vendor_id, phase, state, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (contract_id) do update set phase = coalesce(excluded.phase, contract_posture.phase),
                            state = coalesce(excluded.state, contract_posture.state), updated_at = excluded.updated_at""")
                .setParameter(1, contractId).setParameter(2, hospitalId)
                .setParameter(3, vendorId).setParameter(4, phase).setParameter(5, state)
                .setParameter(6, clock.instant()).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resultRecorded(AssessmentPayloads.Result result) {
        em.createNativeQuery("""
                        insert into contract_posture (contract_id, hospital_id, vendor_id, verdict, open_mandatory_gaps,
                            updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (contract_id) do update set verdict = excluded.verdict,
                            open_mandatory_gaps = excluded.open_mandatory_gaps, updated_at = excluded.updated_at""")
                .setParameter(1, result.contractId()).setParameter(2, result.hospitalId())
                .setParameter(3, result.vendorId()).setParameter(4, result.verdict().name())
                .setParameter(5, result.openMandatoryGaps()).setParameter(6, clock.instant()).executeUpdate();
    }

    /** +1 when a finding becomes overdue, -1 when an overdue finding is resolved or risk-accepted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void overdueChanged(UUID contractId, UUID hospitalId, UUID vendorId, int delta) {
        em.createNativeQuery("""
                        insert into contract_posture (contract_id, hospital_id, vendor_id, overdue_findings, updated_at)
                        values (?1, ?2, ?3, greatest(?4, 0), ?5)
                        on conflict (contract_id) do update set
                            overdue_findings = greatest(contract_posture.overdue_findings + ?4, 0),
                            updated_at = excluded.updated_at""")
                .setParameter(1, contractId).setParameter(2, hospitalId).setParameter(3, vendorId)
                .setParameter(4, delta).setParameter(5, clock.instant()).executeUpdate();
    }
}
