package org.sansho.contract.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.domain.ServiceLevelCheck;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.events.ContractPayloads;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.Incident;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;

import java.time.Clock;
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
        i.notifiedWithinSla = ServiceLevelCheck.notifiedWithin(i.detectedAt, i.notifiedAt,
                c.sla == null ? null : c.sla.incidentNotificationHours());
        i.timeline = request.timeline() == null ? List.of()
                : List.copyOf(request.timeline());
        i.createdAt = clock.instant();
        i.persist();
        c.slaBreaches += i.slaBreaches();
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

    /**
     * A new or changed measure must be agreed again by both sides. With the restore time and the data lost it
     * measures the incident against the SLA's RTO and RPO, counts the breaches on the contract and publishes
     * contract.incident-restored.
     */
    public Incident proposeMeasure(UUID contractId, UUID incidentId, ProposeMeasure request, Caller caller) {
        Incident i = find(contractId, incidentId, caller);
        Contract c = Contract.findById(contractId);
        ContractParties.sideOf(c, caller);
        Instant restoredAt = request.restoredAt() == null ? null
                : request.restoredAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (restoredAt != null && restoredAt.isBefore(i.detectedAt)) {
            throw ProblemException.badRequest("restoredAt", "must not be before the incident's detectedAt");
        }
        if (request.dataLossMinutes() != null && restoredAt == null) {
            throw ProblemException.badRequest("restoredAt", "is required with dataLossMinutes: the data loss is "
                    + "measured when the service is restored");
        }
        IncidentSnapshot before = IncidentSnapshot.of(i);
        int breachesBefore = i.slaBreaches();
        i.measure = request.measure();
        i.resolvedAt = request.resolvedAt() == null ? null
                : request.resolvedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        Integer rto = c.sla == null ? null : c.sla.rtoHours();
        Integer rpo = c.sla == null ? null : c.sla.rpoHours();
        i.restoredAt = restoredAt;
        i.dataLossMinutes = request.dataLossMinutes();
        i.withinRto = ServiceLevelCheck.restoredWithinRto(i.detectedAt, restoredAt, rto);
        i.withinRpo = ServiceLevelCheck.lossWithinRpo(i.dataLossMinutes, rpo);
        c.slaBreaches += i.slaBreaches() - breachesBefore;
        i.hospitalAgreedAt = null;
        i.hospitalAgreedBy = null;
        i.vendorAgreedAt = null;
        i.vendorAgreedBy = null;
        em.flush();
        if (restoredAt != null) {
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                    ContractEventTypes.INCIDENT_RESTORED,
                    new ContractPayloads.IncidentRestored(ContractContext.of(c), i.id,
                            i.detectedAt.atOffset(ZoneOffset.UTC), restoredAt.atOffset(ZoneOffset.UTC),
                            i.dataLossMinutes, rto, rpo, i.withinRto, i.withinRpo, c.slaBreaches));
        }
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
