package org.sansho.contract.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.TerminationRecord;
import org.sansho.contract.contracts.domain.DeletionCertificate;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The end of a contract (2省GL §3.2.2 termination phase; §2.7 of the domain brief): notice, return of the data
 * confirmed by the hospital (MHLW 6.0), and a deletion certificate from the vendor (2省GL 別紙2 ③-8, MHLW 5 §6.7).
 */
@ApplicationScoped
public class TerminationService {

    private static final Set<ContractState> NOTICE_STATES =
            Set.of(ContractState.ACTIVE, ContractState.UNDER_REVIEW, ContractState.INCIDENT);

    private final EntityManager em;
    private final ContractService contracts;
    private final Clock clock;

    public TerminationService(EntityManager em, ContractService contracts, Clock clock) {
        this.em = em;
        this.contracts = contracts;
        this.clock = clock;
    }

    public TerminationRecord find(UUID contractId, Caller caller) {
        contracts.visible(contractId);
        TerminationRecord t = TerminationRecord.findById(contractId);
        if (t == null) {
            throw ProblemException.notFound("Termination record of contract", contractId);
        }
        return t;
    }

    public TerminationRecord notice(UUID contractId, GiveNotice request, Caller caller) {
        Contract c = contracts.visible(contractId);
        ResponsibleParty side = ContractParties.sideOf(c, caller);
        if (!NOTICE_STATES.contains(c.state)) {
            throw ProblemException.conflict("notice-outside-contract", "Not in contract",
                    "Notice of termination is given during the contract; this one is " + c.state);
        }
        TerminationSnapshot before = snapshot(c);
        TerminationRecord t = record(c);
        if (t.noticedOn != null) {
            throw ProblemException.conflict("notice-given", "Notice already given",
                    "Notice of termination was given on " + t.noticedOn + " by the " + t.noticedByParty + " side");
        }
        t.noticedByParty = side;
        t.noticedOn = request.noticedOn();
        t.noticeReason = request.reason();
        em.flush();
        contracts.audit("termination.noticed", c, before, TerminationSnapshot.of(t));
        return t;
    }

    public TerminationRecord dataReturned(UUID contractId, RecordDataReturn request, Caller caller) {
        Contract c = contracts.visible(contractId);
        ContractParties.requireSide(c, caller, ResponsibleParty.VENDOR, "The return of the data");
        requirePostTermination(c, Set.of(ContractState.TERMINATION_NOTICED, ContractState.DATA_RETURN));
        TerminationSnapshot before = snapshot(c);
        TerminationRecord t = record(c);
        t.dataReturnedOn = request.returnedOn();
        t.dataReturnNote = request.note();
        t.dataReturnRecordedBy = caller.subject();
        t.dataReturnConfirmedBy = null;
        t.dataReturnConfirmedAt = null;
        em.flush();
        contracts.audit("termination.data-returned", c, before, TerminationSnapshot.of(t));
        return t;
    }

    public TerminationRecord confirmDataReturn(UUID contractId, Caller caller) {
        Contract c = contracts.visible(contractId);
        ContractParties.requireSide(c, caller, ResponsibleParty.HOSPITAL, "The confirmation of the data return");
        requirePostTermination(c, Set.of(ContractState.TERMINATION_NOTICED, ContractState.DATA_RETURN));
        TerminationSnapshot before = snapshot(c);
        TerminationRecord t = record(c);
        if (t.dataReturnedOn == null) {
            throw ProblemException.conflict("data-not-returned", "Data not returned",
                    "The vendor has not recorded the return of the data yet");
        }
        t.dataReturnConfirmedBy = caller.subject();
        t.dataReturnConfirmedAt = clock.instant();
        em.flush();
        contracts.audit("termination.data-return-confirmed", c, before, TerminationSnapshot.of(t));
        return t;
    }

    public TerminationRecord deletionCertificate(UUID contractId, DeletionCertificate request, Caller caller) {
        Contract c = contracts.visible(contractId);
        ContractParties.requireSide(c, caller, ResponsibleParty.VENDOR, "The deletion certificate");
        requirePostTermination(c, Set.of(ContractState.DATA_RETURN, ContractState.DATA_DELETION));
        TerminationSnapshot before = snapshot(c);
        TerminationRecord t = record(c);
        t.certificateRef = request.certificateRef();
        t.deletedBy = request.deletedBy();
        t.media = request.media();
        t.method = request.method();
        t.deletedOn = request.deletedOn();
        em.flush();
        contracts.audit("termination.deletion-certified", c, before, TerminationSnapshot.of(t));
        return t;
    }

    private static void requirePostTermination(Contract c, Set<ContractState> states) {
        if (c.phase != ContractPhase.POST_TERMINATION || !states.contains(c.state)) {
            throw ProblemException.conflict("wrong-termination-step", "Wrong step",
                    "This is recorded while the contract is " + states + "; it is " + c.state);
        }
    }

    private static TerminationSnapshot snapshot(Contract c) {
        TerminationRecord t = TerminationRecord.findById(c.id);
        return t == null ? null : TerminationSnapshot.of(t);
    }

    private static TerminationRecord record(Contract c) {
        TerminationRecord t = TerminationRecord.findById(c.id);
        if (t == null) {
            t = new TerminationRecord();
            t.contractId = c.id;
            t.persist();
        }
        return t;
    }
}
