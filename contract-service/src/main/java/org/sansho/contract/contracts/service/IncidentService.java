package org.sansho.contract.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.events.ContractPayloads;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.Incident;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Crisis response (危機管理対応時, 2省GL §3.2): an incident report puts an ACTIVE contract into INCIDENT; the
 * contract leaves it once every incident's recurrence-prevention measure is agreed by both sides.
 */
@ApplicationScoped
public class IncidentService {

    private final EntityManager em;
    private final Outbox outbox;
    private final ContractService contracts;
    private final Clock clock;

    public IncidentService(EntityManager em, Outbox outbox, ContractService contracts, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.contracts = contracts;
        this.clock = clock;
    }

    public Incident report(UUID contractId, ReportIncident request, Caller caller) {
        Contract c = contracts.visible(contractId);
        ResponsibleParty side = ContractParties.sideOf(c, caller);
        if (c.state != ContractState.ACTIVE && c.state != ContractState.INCIDENT) {
            throw ProblemException.conflict("incident-outside-contract", "Not in contract",
                    "Incidents are reported on an ACTIVE contract (or one already in INCIDENT); this one is " + c.state);
        }
        if (request.notifiedAt().isBefore(request.detectedAt())) {
            throw ProblemException.badRequest("notifiedAt", "must not be before detectedAt");
        }
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.contractId = c.id;
        i.reportedByParty = side;
        i.reportedBy = caller.subject();
        i.summary = request.summary();
        i.ciaImpact = request.ciaImpact().stream().distinct().sorted().toList();
        i.detectedAt = request.detectedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        i.notifiedAt = request.notifiedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        Integer promised = c.sla == null ? null : c.sla.incidentNotificationHours();
        i.notifiedWithinSla = promised == null ? null
                : Duration.between(i.detectedAt, i.notifiedAt).compareTo(Duration.ofHours(promised)) <= 0;
        i.timeline = request.timeline() == null ? List.of()
                : List.copyOf(request.timeline());
        i.createdAt = clock.instant();
        i.persist();
        if (c.state == ContractState.ACTIVE) {
            contracts.move(c, ContractState.INCIDENT, caller.subject(), "incident reported: " + i.summary);
        }
        em.flush();
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.INCIDENT_REPORTED,
                new ContractPayloads.IncidentReported(ContractContext.of(c), i.id, i.ciaImpact,
                        i.detectedAt.atOffset(ZoneOffset.UTC), i.notifiedAt.atOffset(ZoneOffset.UTC),
                        i.notifiedWithinSla));
        contracts.audit("incident.reported", c, null, IncidentSnapshot.of(i));
        return i;
    }

    public Incident find(UUID contractId, UUID incidentId, Caller caller) {
        contracts.visible(contractId);
        Incident i = Incident.findById(incidentId);
        if (i == null || !i.contractId.equals(contractId)) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        return i;
    }

    /** A new or changed measure must be agreed again by both sides. */
    public Incident proposeMeasure(UUID contractId, UUID incidentId, ProposeMeasure request, Caller caller) {
        Incident i = find(contractId, incidentId, caller);
        Contract c = Contract.findById(contractId);
        ContractParties.sideOf(c, caller);
        IncidentSnapshot before = IncidentSnapshot.of(i);
        i.measure = request.measure();
        i.resolvedAt = request.resolvedAt() == null ? null
                : request.resolvedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        i.hospitalAgreedAt = null;
        i.hospitalAgreedBy = null;
        i.vendorAgreedAt = null;
        i.vendorAgreedBy = null;
        em.flush();
        contracts.audit("incident.measure-proposed", c, before, IncidentSnapshot.of(i));
        return i;
    }

    public Incident agree(UUID contractId, UUID incidentId, Caller caller) {
        Incident i = find(contractId, incidentId, caller);
        Contract c = Contract.findById(contractId);
        ResponsibleParty side = ContractParties.sideOf(c, caller);
        IncidentSnapshot before = IncidentSnapshot.of(i);
        if (i.measure == null) {
            throw ProblemException.conflict("no-measure", "No measure",
                    "There is no recurrence-prevention measure to agree on yet");
        }
        Instant now = clock.instant();
        if (side == ResponsibleParty.HOSPITAL) {
            i.hospitalAgreedBy = caller.subject();
            i.hospitalAgreedAt = now;
        } else {
            i.vendorAgreedBy = caller.subject();
            i.vendorAgreedAt = now;
        }
        em.flush();
        contracts.audit("incident.measure-agreed", c, before, IncidentSnapshot.of(i));
        return i;
    }
}
