package org.sansho.assessment.posture.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.assessment.events.ContractPartiesV1;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/**
 * Keeps the per-contract posture rows current. Contract phase and state come from contract events; the latest
 * verdict, its open mandatory gaps and the count of overdue findings are written in the same transaction as the
 * event this service publishes about them. The overview's title, re-agreement flag, last state change and the
 * parties' names come from contract events too. Every change is also copied into the contract's row of the current week
 * ({@code posture_week}), which the trends read.
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
        snapshot(contractId);
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
        snapshot(result.contractId());
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
        snapshot(contractId);
    }

    /** The contract's title, as contract-service created it (a row without parties yet is left alone). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void titled(UUID contractId, String title) {
        if (contractId == null || title == null) {
            return;
        }
        em.createNativeQuery("update contract_posture set title = left(?2, 300) where contract_id = ?1")
                .setParameter(1, contractId).setParameter(2, title).executeUpdate();
    }

    /**
     * The parties' names a contract event carried, as of the event's time: the latest wins (a rename carried by a
     * later event replaces the name), an older (redelivered or reordered) event does not. A party the event names
     * nothing for keeps its name; a row not created yet is left alone (its creation carries the names).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void named(UUID contractId, ContractPartiesV1.OrganizationName hospital,
                      ContractPartiesV1.OrganizationName vendor, Instant at) {
        boolean hospitalNamed = hospital != null && hospital.present();
        boolean vendorNamed = vendor != null && vendor.present();
        if (contractId == null || (!hospitalNamed && !vendorNamed)) {
            return;
        }
        em.createNativeQuery("""
                        update contract_posture set
                            hospital_name_ja = case when ?2 then left(nullif(?3, ''), 200) else hospital_name_ja end,
                            hospital_name_en = case when ?2 then left(nullif(?4, ''), 200) else hospital_name_en end,
                            vendor_name_ja = case when ?5 then left(nullif(?6, ''), 200) else vendor_name_ja end,
                            vendor_name_en = case when ?5 then left(nullif(?7, ''), 200) else vendor_name_en end,
                            names_at = ?8
                        where contract_id = ?1 and (names_at is null or names_at <= ?8)""")
                .setParameter(1, contractId)
                .setParameter(2, hospitalNamed).setParameter(3, text(hospitalNamed ? hospital.ja() : null))
                .setParameter(4, text(hospitalNamed ? hospital.en() : null))
                .setParameter(5, vendorNamed).setParameter(6, text(vendorNamed ? vendor.ja() : null))
                .setParameter(7, text(vendorNamed ? vendor.en() : null))
                .setParameter(8, at == null ? clock.instant() : at).executeUpdate();
    }

    /** A name part as bound: never a null of unknown type, the empty string stands for none. */
    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** When the contract last changed state; an older (redelivered or reordered) moment does not win. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateChangedAt(UUID contractId, Instant at) {
        if (contractId == null || at == null) {
            return;
        }
        em.createNativeQuery("""
                        update contract_posture set state_changed_at = ?2
                        where contract_id = ?1 and (state_changed_at is null or state_changed_at < ?2)""")
                .setParameter(1, contractId).setParameter(2, at).executeUpdate();
    }

    /** Whether a re-agreement of the contract is pending (required by a superseded baseline, not yet renewed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reagreement(UUID contractId, UUID hospitalId, UUID vendorId, boolean pending) {
        if (contractId == null || hospitalId == null || vendorId == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into contract_posture (contract_id, hospital_id, vendor_id, reagreement_pending, updated_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (contract_id) do update set reagreement_pending = excluded.reagreement_pending,
                            updated_at = excluded.updated_at""")
                .setParameter(1, contractId).setParameter(2, hospitalId).setParameter(3, vendorId)
                .setParameter(4, pending).setParameter(5, clock.instant()).executeUpdate();
    }

    /** The first day (Monday, UTC) of the week that {@code at} falls in: the key of a weekly snapshot. */
    public static LocalDate weekOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private void snapshot(UUID contractId) {
        em.createNativeQuery("""
                        insert into posture_week (week_start, contract_id, hospital_id, vendor_id, phase,
                            open_mandatory_gaps, overdue_findings)
                        select ?1, p.contract_id, p.hospital_id, p.vendor_id, p.phase, p.open_mandatory_gaps,
                            p.overdue_findings
                        from contract_posture p where p.contract_id = ?2
                        on conflict (contract_id, week_start) do update set phase = excluded.phase,
                            open_mandatory_gaps = excluded.open_mandatory_gaps,
                            overdue_findings = excluded.overdue_findings""")
                .setParameter(1, weekOf(clock.instant())).setParameter(2, contractId).executeUpdate();
    }
}
