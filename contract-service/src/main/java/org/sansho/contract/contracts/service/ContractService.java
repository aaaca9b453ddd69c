package org.sansho.contract.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.ReadOnlyMode;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractLifecycle;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.domain.GuardFailure;
import org.sansho.contract.contracts.domain.GuardFacts;
import org.sansho.contract.contracts.domain.NoticeDeadline;
import org.sansho.contract.contracts.domain.ReagreementNeed;
import org.sansho.contract.contracts.domain.TransitionRefusedException;
import org.sansho.contract.contracts.domain.TransitionTrigger;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.events.ContractPayloads;
import org.sansho.contract.contracts.persistence.AssessmentResultRow;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.ContractTransition;
import org.sansho.contract.contracts.persistence.Incident;
import org.sansho.contract.contracts.persistence.TerminationRecord;
import org.sansho.contract.disclosures.persistence.DisclosurePackage;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Opens, amends and moves contracts through their lifecycle; every change publishes its event in the same transaction. */
@ApplicationScoped
public class ContractService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final AuditTrail audit;

    public ContractService(EntityManager em, Outbox outbox, Clock clock, AuditTrail audit) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
    }

    /** Audits a change of a contract; its records belong to both sides of the contract. */
    public void audit(String action, Contract c, Object before, Object after) {
        audit.record(action, "contract", c.id, List.of(c.hospitalId, c.vendorId), before, after);
    }

    public Contract open(OpenContract request, Caller caller) {
        UUID hospitalId = caller.requireOrganization();
        // The parties and the service are only read here: loaded read-only, they hold no snapshot for the flushes
        // of this transaction to compare.
        Organization hospital = em.find(Organization.class, hospitalId, ReadOnlyMode.READ_ONLY);
        if (hospital == null || hospital.kind != OrganizationKind.HOSPITAL) {
            throw ProblemException.badRequest("hospital", "register your hospital first (POST /api/v1/organizations "
                    + "with kind HOSPITAL)");
        }
        Organization vendor = em.find(Organization.class, request.vendorId(), ReadOnlyMode.READ_ONLY);
        if (vendor == null || vendor.kind != OrganizationKind.VENDOR) {
            throw ProblemException.badRequest("vendorId", "no vendor with this id is known to your organization");
        }
        VendorService service = em.find(VendorService.class, request.serviceId(), ReadOnlyMode.READ_ONLY);
        if (service == null || !service.organizationId.equals(vendor.id)) {
            throw ProblemException.badRequest("serviceId", "the vendor has no service with this id");
        }
        validateTerm(request.term());
        Instant now = now();
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.hospitalId = hospitalId;
        c.vendorId = vendor.id;
        c.serviceId = service.id;
        c.serviceModel = service.serviceModel;
        c.title = request.title();
        c.baseline = baseline(request.baseline());
        c.dataCategories = List.copyOf(new java.util.LinkedHashSet<>(request.dataCategories()));
        applyTerm(c, request.term());
        c.sla = request.sla();
        c.responsibilities = responsibilities(request.responsibilities());
        c.state = ContractState.DRAFT;
        c.phase = c.state.phase();
        c.reagreement = List.of();
        c.reagreementRequired = false;
        c.createdBy = caller.subject();
        c.createdAt = now;
        c.updatedBy = caller.subject();
        c.updatedAt = now;
        c.persist();
        em.flush();
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.CREATED,
                new ContractPayloads.Created(ContractContext.of(c), c.title, c.state, c.phase));
        audit("contract.opened", c, null, ContractSnapshot.of(c));
        return c;
    }

    /**
     * The contract, if it exists and is in the caller's tenancy scope (the platform's tenant filter applies to the
     * load); otherwise 404, the same answer whether it does not exist or is another organization's.
     */
    public Contract visible(UUID id) {
        return found(Contract.findById(id), id);
    }

    /**
     * The same, loaded only to be read (the GETs): Hibernate keeps no snapshot of it for a flush that never comes,
     * which for a contract means no second copy of each of its JSON columns (terms, SLA, responsibilities).
     */
    public Contract readable(UUID id) {
        return found(em.find(Contract.class, id, ReadOnlyMode.READ_ONLY), id);
    }

    private static Contract found(Contract c, UUID id) {
        if (c == null) {
            throw ProblemException.notFound("Contract", id);
        }
        return c;
    }

    /** The contract if the caller writes for its hospital side (procurement of that hospital). */
    public Contract writableByHospital(UUID id, Caller caller) {
        Contract c = visible(id);
        if (!caller.hasRole(Roles.PROCUREMENT) || !c.hospitalId.equals(caller.requireOrganization())) {
            throw ProblemException.forbidden("Only the hospital's procurement changes this contract");
        }
        return c;
    }

    public Contract amend(UUID id, String ifMatch, AmendContract patch, Caller caller) {
        Contract c = writableByHospital(id, caller);
        Preconditions.requireIfMatch(ifMatch, c.version);
        ContractSnapshot before = ContractSnapshot.of(c);
        if (!c.state.isLive()) {
            throw ProblemException.conflict("contract-not-live", "Contract not live",
                    "A " + c.state + " contract cannot be amended");
        }
        List<String> changed = new ArrayList<>();
        if (patch.title() != null && !patch.title().equals(c.title)) {
            if (patch.title().isBlank()) {
                throw ProblemException.badRequest("title", "must not be blank");
            }
            c.title = patch.title();
            changed.add("title");
        }
        if (patch.baseline() != null) {
            List<VersionRef> baseline = baseline(patch.baseline());
            if (!baseline.equals(c.baseline)) {
                c.baseline = baseline;
                // An amendment that moves the baseline off a superseded version renews the agreement (合意の維持,
                // 2省GL §3.2.2); needs for versions still in the baseline remain.
                c.reagreement = c.reagreement.stream().filter(n -> baseline.contains(n.superseded())).toList();
                c.reagreementRequired = !c.reagreement.isEmpty();
                changed.add("baseline");
            }
        }
        if (patch.dataCategories() != null) {
            var categories = List.copyOf(new java.util.LinkedHashSet<>(patch.dataCategories()));
            if (!categories.equals(c.dataCategories)) {
                c.dataCategories = categories;
                changed.add("dataCategories");
            }
        }
        if (patch.term() != null && !sameTerm(c, patch.term())) {
            validateTerm(patch.term());
            applyTerm(c, patch.term());
            changed.add("term");
        }
        if (patch.sla() != null && !patch.sla().equals(c.sla)) {
            c.sla = patch.sla();
            changed.add("sla");
        }
        if (patch.responsibilities() != null) {
            var split = responsibilities(patch.responsibilities());
            if (!split.equals(c.responsibilities)) {
                c.responsibilities = split;
                changed.add("responsibilities");
            }
        }
        if (patch.activity() != null && patch.activity() != c.activity) {
            if (c.state != ContractState.ACTIVE) {
                throw ProblemException.conflict("activity-not-active", "Contract not active",
                        "The activity (development/operation) is set while the contract is ACTIVE; it is " + c.state);
            }
            c.activity = patch.activity();
            changed.add("activity");
        }
        if (!changed.isEmpty()) {
            c.updatedBy = caller.subject();
            c.updatedAt = now();
            em.flush();
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.AMENDED,
                    new ContractPayloads.Amended(ContractContext.of(c), changed, c.reagreementRequired));
            audit("contract.amended", c, before, ContractSnapshot.of(c));
        }
        return c;
    }

    public Contract transition(UUID id, String ifMatch, RequestTransition request, Caller caller) {
        Contract c = writableByHospital(id, caller);
        if (ifMatch != null) {
            Preconditions.requireIfMatch(ifMatch, c.version);
        }
        List<GuardFailure> failed = ContractLifecycle.check(c.state, request.to(), TransitionTrigger.REQUEST,
                () -> facts(c, request.signedOn()));
        if (!failed.isEmpty()) {
            throw new TransitionRefusedException(c.state, request.to(), failed);
        }
        ContractSnapshot before = ContractSnapshot.of(c);
        if (request.to() == ContractState.ACTIVE && c.state == ContractState.AGREED) {
            c.signedOn = request.signedOn();
            c.activity = request.activity() == null ? ContractActivity.DEVELOPMENT : request.activity();
        }
        move(c, request.to(), caller.subject(), request.reason(), before);
        return c;
    }

    /**
     * Applies a checked transition: state, history row and state-changed event (plus closed when it closes).
     * Flushes, so that a concurrent transition on the same version fails here with an optimistic-lock conflict.
     */
    public void move(Contract c, ContractState to, String actor, String reason) {
        move(c, to, actor, reason, ContractSnapshot.of(c));
    }

    private void move(Contract c, ContractState to, String actor, String reason, ContractSnapshot before) {
        ContractState from = c.state;
        Instant now = now();
        c.state = to;
        c.phase = to.phase();
        if (to.phase() != ContractPhase.IN_CONTRACT) {
            c.activity = null;
        }
        c.updatedBy = actor;
        c.updatedAt = now;
        ContractTransition t = new ContractTransition();
        t.id = UUID.randomUUID();
        t.contractId = c.id;
        t.fromState = from;
        t.toState = to;
        t.phase = to.phase();
        t.actor = actor;
        t.reason = reason;
        t.occurredAt = now;
        t.persist();
        em.flush();
        ContractContext context = ContractContext.of(c);
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.STATE_CHANGED,
                new ContractPayloads.StateChanged(context, from, to, to.phase(), actor, reason,
                        now.atOffset(ZoneOffset.UTC)));
        if (to == ContractState.CLOSED) {
            TerminationRecord record = TerminationRecord.findById(c.id);
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.CLOSED,
                    new ContractPayloads.Closed(context, now.atOffset(ZoneOffset.UTC),
                            record == null ? null : record.certificateRef));
        }
        audit("contract.transitioned", c, before, ContractSnapshot.of(c));
    }

    /** What the transition guards read about {@code c}: five look-ups, made only for a guard that reads them. */
    private GuardFacts facts(Contract c, java.time.LocalDate signedOn) {
        AssessmentResultRow pre = AssessmentResultRow.findById(
                new AssessmentResultRow.Key(c.id, ContractPhase.PRE_CONTRACT.name()));
        AssessmentResultRow post = AssessmentResultRow.findById(
                new AssessmentResultRow.Key(c.id, ContractPhase.POST_TERMINATION.name()));
        long unagreed = Incident.<Incident>list("contractId", c.id).stream()
                .filter(i -> !i.measureAgreedByBoth()).count();
        TerminationRecord termination = TerminationRecord.findById(c.id);
        return new GuardFacts(
                pre == null ? null : pre.outcome(),
                post == null ? null : post.outcome(),
                signedOn != null ? signedOn : c.signedOn,
                (int) unagreed,
                termination != null && termination.noticedOn != null,
                termination != null && termination.dataReturnConfirmedAt != null,
                termination == null ? null : termination.deletionCertificate(),
                LocalDate.now(clock),
                DisclosurePackage.sharedUnderstandingOf(c.id));
    }

    /**
     * Flags every live contract whose baseline holds the superseded version (合意の維持, 2省GL §3.2.2), once per
     * superseded version, and publishes reagreement-required for each newly flagged contract.
     */
    public int flagReagreement(VersionRef superseded, VersionRef by) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from contract where state not in ('CLOSED', 'CANCELLED')
                        and baseline @> cast(?1 as jsonb)""", UUID.class)
                .setParameter(1, "[{\"guidelineId\":" + json(superseded.guidelineId()) + ",\"version\":"
                        + json(superseded.version()) + "}]")
                .getResultList();
        int flagged = 0;
        for (UUID id : ids) {
            Contract c = Contract.findById(id);
            if (c.reagreement.stream().anyMatch(n -> n.superseded().equals(superseded))) {
                continue;
            }
            ContractSnapshot before = ContractSnapshot.of(c);
            List<ReagreementNeed> needs = new ArrayList<>(c.reagreement);
            needs.add(new ReagreementNeed(superseded, by));
            c.reagreement = List.copyOf(needs);
            c.reagreementRequired = true;
            c.updatedBy = "catalog-events";
            c.updatedAt = now();
            em.flush();
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                    ContractEventTypes.REAGREEMENT_REQUIRED,
                    new ContractPayloads.ReagreementRequired(ContractContext.of(c), superseded, by));
            audit("contract.reagreement-required", c, before, ContractSnapshot.of(c));
            flagged++;
        }
        return flagged;
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Instant now() {
        return clock.instant();
    }

    private static List<VersionRef> baseline(List<VersionRef> body) {
        List<VersionRef> refs = body.stream().distinct().toList();
        var ids = new HashSet<String>();
        for (VersionRef ref : refs) {
            if (!ids.add(ref.guidelineId())) {
                throw ProblemException.badRequest("baseline", "names guideline " + ref.guidelineId()
                        + " more than once; a baseline holds one version of each guideline");
            }
        }
        return refs;
    }

    private static List<Responsibility> responsibilities(List<Responsibility> body) {
        if (body == null) {
            return List.of();
        }
        var keys = new HashSet<String>();
        for (Responsibility r : body) {
            if (!keys.add(r.key())) {
                throw ProblemException.badRequest("responsibilities", "key " + r.key() + " appears more than once");
            }
        }
        return List.copyOf(body);
    }

    private static void validateTerm(ContractTerm term) {
        if (!term.endDate().isAfter(term.startDate())) {
            throw ProblemException.badRequest("term.endDate", "must be after term.startDate");
        }
    }

    private static boolean sameTerm(Contract c, ContractTerm term) {
        return term.startDate().equals(c.startDate) && term.endDate().equals(c.endDate)
                && term.autoRenewal() == c.autoRenewal && term.hospitalNoticeDays() == c.hospitalNoticeDays
                && term.vendorNoticeDays() == c.vendorNoticeDays;
    }

    private static void applyTerm(Contract c, ContractTerm term) {
        c.startDate = term.startDate();
        c.endDate = term.endDate();
        c.autoRenewal = term.autoRenewal();
        c.hospitalNoticeDays = term.hospitalNoticeDays();
        c.vendorNoticeDays = term.vendorNoticeDays();
        c.noticeDeadline = NoticeDeadline.of(term.endDate(), term.hospitalNoticeDays(), term.vendorNoticeDays());
        Objects.requireNonNull(c.noticeDeadline);
    }
}
