package org.sansho.contract.reagreements.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.service.ContractParties;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.contract.reagreements.domain.ReagreementRule;
import org.sansho.contract.reagreements.domain.ReagreementTrigger;
import org.sansho.contract.reagreements.events.ReagreementPayloads;
import org.sansho.contract.reagreements.persistence.ReagreementCase;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Opens re-agreement cases (合意の維持, 2省GL §3.2.2) when the catalog supersedes a baseline version or an amendment
 * changes the agreed terms, records each side's consent, and closes a case once both sides have consented. The
 * contract's {@code reagreementRequired} says whether any of its cases is open.
 */
@ApplicationScoped
public class ReagreementService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditTrail audit;
    private final Period dueWithin;

    public ReagreementService(EntityManager em, Outbox outbox, Clock clock, AuditTrail audit,
                              @ConfigProperty(name = "sansho.reagreement.due-within") Period dueWithin) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
        this.dueWithin = dueWithin;
        ReagreementRule.dueOn(LocalDate.EPOCH, dueWithin);
    }

    /**
     * Opens a case on every live contract whose baseline holds the superseded version, once per contract and
     * superseded version (a replayed or repeated publication opens none); answers how many were opened.
     */
    public int openForPublication(GuidelineChange change) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from contract where state not in ('CLOSED', 'CANCELLED')
                        and baseline @> cast(?1 as jsonb)""", UUID.class)
                .setParameter(1, "[{\"guidelineId\":" + json(change.superseded().guidelineId()) + ",\"version\":"
                        + json(change.superseded().version()) + "}]")
                .getResultList();
        int opened = 0;
        for (UUID id : ids) {
            boolean known = ReagreementCase.count("contractId = ?1 and trigger = ?2 and supersededGuideline = ?3 "
                            + "and supersededVersion = ?4", id, ReagreementTrigger.GUIDELINE_VERSION_PUBLISHED,
                    change.superseded().guidelineId(), change.superseded().version()) > 0;
            if (known) {
                continue;
            }
            Contract c = Contract.findById(id);
            ReagreementCase r = newCase(c, ReagreementTrigger.GUIDELINE_VERSION_PUBLISHED, "catalog-events");
            r.supersededGuideline = change.superseded().guidelineId();
            r.supersededVersion = change.superseded().version();
            r.byGuideline = change.by().guidelineId();
            r.byVersion = change.by().version();
            r.addedKeys = change.addedKeys();
            r.changedKeys = change.changedKeys();
            r.removedKeys = change.removedKeys();
            opened(c, r, "catalog-events");
            opened++;
        }
        return opened;
    }

    /**
     * Opens a case when an amendment of an agreed contract changed its baseline, SLA or responsibilities; answers it,
     * or null when the amendment calls for none.
     */
    public ReagreementCase openForAmendment(Contract c, List<String> changed, String actor) {
        List<String> fields = ReagreementRule.reopening(c.state, changed);
        if (fields.isEmpty()) {
            return null;
        }
        ReagreementCase r = newCase(c, ReagreementTrigger.AMENDMENT, actor);
        r.amendedFields = fields;
        opened(c, r, actor);
        return r;
    }

    /** The case of a visible contract; 404 when either is unknown or not visible. */
    public ReagreementCase find(UUID contractId, UUID caseId) {
        ReagreementCase r = ReagreementCase.findById(caseId);
        if (r == null || !r.contractId.equals(contractId)) {
            throw ProblemException.notFound("Re-agreement case", caseId);
        }
        return r;
    }

    /** Records the consent of the caller's side; the second side's consent closes the case. */
    public ReagreementCase consent(UUID contractId, UUID caseId, Caller caller) {
        Contract c = Contract.findById(contractId);
        if (c == null) {
            throw ProblemException.notFound("Contract", contractId);
        }
        ReagreementCase r = find(contractId, caseId);
        ResponsibleParty side = ContractParties.sideOf(c, caller);
        ReagreementSnapshot before = ReagreementSnapshot.of(r);
        switch (ReagreementRule.consent(!r.open(), r.hospitalConsentAt != null, r.vendorConsentAt != null, side)) {
            case CASE_CLOSED -> throw ProblemException.conflict("reagreement-closed", "Re-agreement concluded",
                    "Both sides already consented to this re-agreement (2省GL §3.2.2); it is closed");
            case ALREADY_GIVEN -> throw ProblemException.conflict("consent-already-given", "Consent already given",
                    "The " + side.name().toLowerCase() + " side already consented to this re-agreement");
            case RECORDED -> record(r, side, caller.subject());
            case CLOSES -> {
                record(r, side, caller.subject());
                r.closedAt = r.hospitalConsentAt.isAfter(r.vendorConsentAt) ? r.hospitalConsentAt : r.vendorConsentAt;
            }
        }
        em.flush();
        audit.record("contract.reagreement-consented", "contract", c.id, List.of(c.hospitalId, c.vendorId), before,
                ReagreementSnapshot.of(r));
        if (!r.open()) {
            c.reagreementRequired = ReagreementCase.anyOpen(c.id);
            c.updatedBy = caller.subject();
            c.updatedAt = now();
            em.flush();
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                    ContractEventTypes.REAGREEMENT_CONCLUDED,
                    new ReagreementPayloads.Concluded(ContractContext.of(c), r.id, r.trigger, r.hospitalConsentBy,
                            utc(r.hospitalConsentAt), r.vendorConsentBy, utc(r.vendorConsentAt), utc(r.closedAt)));
        }
        return r;
    }

    private void record(ReagreementCase r, ResponsibleParty side, String who) {
        Instant now = now();
        if (side == ResponsibleParty.HOSPITAL) {
            r.hospitalConsentBy = who;
            r.hospitalConsentAt = now;
        } else {
            r.vendorConsentBy = who;
            r.vendorConsentAt = now;
        }
    }

    private ReagreementCase newCase(Contract c, ReagreementTrigger trigger, String actor) {
        Instant now = now();
        LocalDate today = LocalDate.now(clock);
        ReagreementCase r = new ReagreementCase();
        r.id = UUID.randomUUID();
        r.contractId = c.id;
        r.trigger = trigger;
        r.addedKeys = List.of();
        r.changedKeys = List.of();
        r.removedKeys = List.of();
        r.amendedFields = List.of();
        r.openedOn = today;
        r.dueOn = ReagreementRule.dueOn(today, dueWithin);
        r.openedAt = now;
        r.openedBy = actor;
        return r;
    }

    private void opened(Contract c, ReagreementCase r, String actor) {
        r.persist();
        boolean wasRequired = c.reagreementRequired;
        c.reagreementRequired = true;
        if (!wasRequired) {
            c.updatedBy = actor;
            c.updatedAt = now();
        }
        em.flush();
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.REAGREEMENT_REQUIRED,
                new ReagreementPayloads.Required(ContractContext.of(c), r.id, r.trigger, r.superseded(), r.by(),
                        r.addedKeys, r.changedKeys, r.removedKeys, r.amendedFields, r.openedOn, r.dueOn));
        audit.record("contract.reagreement-required", "contract", c.id, List.of(c.hospitalId, c.vendorId), null,
                ReagreementSnapshot.of(r));
    }

    private Instant now() {
        return clock.instant();
    }

    private static java.time.OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
