package org.sansho.assessment.assessments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.events.ContractStateChangedV1;
import org.sansho.platform.events.CloudEvent;
import org.sansho.platform.inbox.PoisonEventException;
import org.sansho.platform.transaction.AfterCommit;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens the assessment a contract state calls for. It records the assessment inside the consumer's transaction,
 * never calling the catalog there: when the catalog's answer is at hand (asked before, and published versions never
 * change) the items are filled in the same transaction; otherwise the assessment stays PENDING_ITEMS and
 * {@link AssessmentItemsWorker} reads the items afterwards, so a catalog outage delays the opening but never loses
 * or duplicates it.
 */
@ApplicationScoped
public class AssessmentOpening {

    private final EntityManager em;
    private final AssessmentItemsWorker worker;
    private final TransactionSynchronizationRegistry transactions;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    private final AssessmentAudit audit;
    private final Clock clock;

    public AssessmentOpening(EntityManager em, AssessmentItemsWorker worker,
                             TransactionSynchronizationRegistry transactions,
                             com.fasterxml.jackson.databind.ObjectMapper mapper, AssessmentAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.em = em;
        this.worker = worker;
        this.transactions = transactions;
        this.mapper = mapper;
    }

    /** The consumer of contract events, which opens assessments: the actor of their audit records. */
    static final String OPENED_BY = "assessment-service.contract-events";

    /**
     * @return the new assessment's id; empty when the state opens none, or when this contract's assessment of
     * the phase (or this event's review) exists already
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> open(CloudEvent event, ContractStateChangedV1 contract) {
        Optional<AssessmentPhase> phase = AssessmentPhase.openedBy(contract.to());
        if (phase.isEmpty()) {
            return Optional.empty();
        }
        if (contract.contractId() == null || contract.hospitalId() == null || contract.vendorId() == null) {
            throw new PoisonEventException("event " + event.id() + " names no contract, hospital or vendor");
        }
        String openingKey = contract.contractId() + ":" + phase.get()
                + (phase.get().oncePerContract() ? "" : ":" + event.id());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                        insert into assessment (id, contract_id, hospital_id, vendor_id, service_id, service_model,
                            data_categories, phase, opening_key, trigger_event_id, baseline, status, created_at,
                            updated_at, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb), ?8, ?9, ?10, cast(?11 as jsonb), ?12, ?13,
                            ?13, 0)
                        on conflict (opening_key) do nothing""")
                .setParameter(1, id)
                .setParameter(2, contract.contractId())
                .setParameter(3, contract.hospitalId())
                .setParameter(4, contract.vendorId())
                .setParameter(5, contract.serviceId())
                .setParameter(6, contract.serviceModel())
                .setParameter(7, json(contract.dataCategories() == null ? java.util.List.of() : contract.dataCategories()))
                .setParameter(8, phase.get().name())
                .setParameter(9, openingKey)
                .setParameter(10, event.id())
                .setParameter(11, json(contract.baseline() == null ? java.util.List.of() : contract.baseline()))
                .setParameter(12, AssessmentStatus.PENDING_ITEMS.name())
                .setParameter(13, now)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        audit.actAs(OPENED_BY, "event:" + event.id());
        Assessment opened = em.find(Assessment.class, id);
        boolean filled = worker.fillIfKnown(opened);
        // One record of the opening, as it commits: OPEN with its items when the catalog's answer was at hand,
        // else PENDING_ITEMS (the worker's fill is then audited as a change of its own).
        audit.assessment("assessment.opened", opened, null);
        if (!filled) {
            wakeWorkerAfterCommit();
        }
        return Optional.of(id);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void wakeWorkerAfterCommit() {
        AfterCommit.run(transactions, worker::wake);
    }
}
