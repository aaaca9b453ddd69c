package org.sansho.contract.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.ReadOnlyMode;
import org.sansho.contract.catalog.PublishedVersions;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractLifecycle;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.DataResidency;
import org.sansho.contract.contracts.domain.ResidencyException;
import org.sansho.contract.contracts.domain.ResidencyRefusedException;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.domain.TermRenewal;
import org.sansho.contract.contracts.domain.GuardFailure;
import org.sansho.contract.contracts.domain.GuardFacts;
import org.sansho.contract.contracts.domain.NoticeDeadline;
import org.sansho.contract.contracts.domain.TransitionRefusedException;
import org.sansho.contract.contracts.domain.TransitionTrigger;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.ResponsibilitySplit;
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
import org.sansho.contract.reagreements.persistence.ReagreementCase;
import org.sansho.contract.reagreements.service.ReagreementService;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.contract.organizations.service.OrganizationNames;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
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
    private final ReagreementService reagreements;
    private final PublishedVersions publishedVersions;
    private final ResponsibilitySplitService splits;
    private final OrganizationNames names;

    public ContractService(EntityManager em, Outbox outbox, Clock clock, AuditTrail audit,
                           ReagreementService reagreements, PublishedVersions publishedVersions,
                           ResponsibilitySplitService splits, OrganizationNames names) {
        this.names = names;
        this.publishedVersions = publishedVersions;
        this.splits = splits;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.audit = audit;
        this.reagreements = reagreements;
    }

    /** Audits a change of a contract; its records belong to both sides of the contract. */
    public void audit(String action, Contract c, Object before, Object after) {
        audit.record(action, "contract", c.id, List.of(c.hospitalId, c.vendorId), before, after);
    }

    public Contract open(OpenContract request, Caller caller) {
        return open(request, null, caller);
    }

    /**
     * Opens a contract that carries the hospital's own reference for it from the start (the bulk import: one insert
     * rather than an insert and an update per row). The caller has checked that no contract of the hospital has the
     * reference; the unique index (hospital, reference) holds it anyway.
     */
    public Contract open(OpenContract request, String externalReference, Caller caller) {
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
        // The parties are at hand: the events of the opening name them without reading the names again.
        names.remember(hospital);
        names.remember(vendor);
        validateTerm(request.term());
        List<Responsibility> split = request.responsibilities() == null ? List.of() : request.responsibilities();
        // A split given with the contract is checked against the role-sharing checklist like one set on its own.
        var checklist = split.isEmpty() ? null : splits.checked(split);
        Instant now = now();
        ResidencyException exception = residencyException(request.residencyException(), caller, now);
        checkResidency(request.dataCategories(), request.sla(), service, exception);
        Contract c = new Contract();
        c.id = UUID.randomUUID();
        c.hospitalId = hospitalId;
        c.vendorId = vendor.id;
        c.serviceId = service.id;
        c.serviceModel = service.serviceModel;
        c.title = request.title();
        c.baseline = baseline(request.baseline());
        requirePublished(c.baseline, List.of());
        c.dataCategories = List.copyOf(new java.util.LinkedHashSet<>(request.dataCategories()));
        applyTerm(c, request.term());
        c.sla = request.sla();
        c.responsibilities = List.of();
        if (checklist != null) {
            ResponsibilitySplitService.assign(c, split, checklist);
        }
        c.residencyException = exception;
        c.externalReference = externalReference;
        c.state = ContractState.DRAFT;
        c.phase = c.state.phase();
        c.reagreementRequired = false;
        c.createdBy = caller.subject();
        c.createdAt = now;
        c.updatedBy = caller.subject();
        c.updatedAt = now;
        // Inserted with the transaction's next flush, together with its event and whatever else is pending (a bulk
        // import's rows go in JDBC batches); nothing below reads the contract's row.
        c.persist();
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.CREATED,
                new ContractPayloads.Created(ContractContext.of(c), c.title, c.state, c.phase));
        splits.published(c);
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

    /**
     * Gives a contract of the caller's hospital the hospital's own reference for it (the key of its procurement
     * system, used by the bulk import to find the contract again). A reference names one contract per hospital; once
     * given it does not change (409 otherwise).
     */
    public Contract assignExternalReference(UUID id, String reference, Caller caller) {
        Contract c = writableByHospital(id, caller);
        if (reference.equals(c.externalReference)) {
            return c;
        }
        if (c.externalReference != null) {
            throw ProblemException.conflict("external-reference-assigned", "External reference assigned",
                    "Contract " + id + " already has the external reference " + c.externalReference);
        }
        if (Contract.count("hospitalId = ?1 and externalReference = ?2", c.hospitalId, reference) > 0) {
            throw ProblemException.conflict("external-reference-in-use", "External reference in use",
                    "Another contract of the hospital has the external reference " + reference);
        }
        ContractSnapshot before = ContractSnapshot.of(c);
        c.externalReference = reference;
        c.updatedBy = caller.subject();
        c.updatedAt = now();
        em.flush();
        audit("contract.external-reference-assigned", c, before, ContractSnapshot.of(c));
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
        var checklist = patch.responsibilities() == null ? null : splits.checked(patch.responsibilities());
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
                requirePublished(baseline, c.baseline);
                c.baseline = baseline;
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
        if (checklist != null && splits.apply(c, patch.responsibilities(), checklist, caller.subject())) {
            changed.add("responsibilities");
        }
        if (patch.activity() != null && patch.activity() != c.activity) {
            if (c.state != ContractState.ACTIVE) {
                throw ProblemException.conflict("activity-not-active", "Contract not active",
                        "The activity (development/operation) is set while the contract is ACTIVE; it is " + c.state);
            }
            c.activity = patch.activity();
            changed.add("activity");
        }
        if (patch.residencyException() != null) {
            c.residencyException = residencyException(patch.residencyException(), caller, now());
            changed.add("residencyException");
        }
        if (!changed.isEmpty()) {
            // The contract as amended must keep its data where Japanese law applies, checked against the
            // service's locations as registered now (2省GL §4.1 表4-1).
            checkResidency(c.dataCategories, c.sla, em.find(VendorService.class, c.serviceId, ReadOnlyMode.READ_ONLY),
                    c.residencyException);
            c.updatedBy = caller.subject();
            c.updatedAt = now();
            em.flush();
            // Amending the agreed terms does not renew the agreement by itself: both sides consent to a re-agreement
            // case (合意の維持, 2省GL §3.2.2), and moving the baseline off a superseded version closes none.
            reagreements.openForAmendment(c, changed, caller.subject());
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

    /**
     * The latest in-contract result, if it was completed since the contract last entered UNDER_REVIEW: a review is
     * judged on its own assessment, not on an earlier one.
     */
    private static org.sansho.contract.contracts.domain.AssessmentOutcome inContractSinceReview(Contract c) {
        if (c.state != ContractState.UNDER_REVIEW) {
            return null;
        }
        AssessmentResultRow in = AssessmentResultRow.findById(
                new AssessmentResultRow.Key(c.id, ContractPhase.IN_CONTRACT.name()));
        ContractTransition began = ContractTransition.<ContractTransition>find(
                "contractId = ?1 and toState = ?2 order by occurredAt desc", c.id, ContractState.UNDER_REVIEW)
                .firstResult();
        return in == null || (began != null && in.completedAt.isBefore(began.occurredAt)) ? null : in.outcome();
    }

    /** What the transition guards read about {@code c}: a few look-ups, made only for a guard that reads them. */
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
                (int) ReagreementCase.overdue(c.id, LocalDate.now(clock)),
                inContractSinceReview(c),
                DisclosurePackage.sharedUnderstandingOf(c.id),
                ResponsibilitySplit.State.of(c.responsibilityChecklist, c.responsibilities,
                        c.splitAcknowledgedAt != null));
    }

    private Instant now() {
        return clock.instant();
    }

    /**
     * A baseline names only versions the catalog holds as PUBLISHED with requirements (as this service learned them
     * from the catalog, never a call per request); entries the contract already had are kept as they are, so a
     * contract on a version superseded since can still be amended. 422 naming every refused entry.
     */
    private void requirePublished(List<VersionRef> baseline, List<VersionRef> current) {
        List<VersionRef> added = baseline.stream().filter(r -> !current.contains(r)).toList();
        List<PublishedVersions.Refusal> refused = publishedVersions.refusals(added);
        if (!refused.isEmpty()) {
            List<Problem.FieldError> errors = refused.stream().map(r -> new Problem.FieldError(
                    "baseline[" + baseline.indexOf(r.entry()) + "]", r.reason())).toList();
            throw new ProblemException(new Problem(URI.create(ProblemException.TYPE_BASE + "baseline-not-published"),
                    "Baseline not published", 422, "The baseline names " + refused.stream()
                    .map(r -> r.entry().guidelineId() + " " + r.entry().version()).toList()
                    + ", which the catalog does not hold as a published version with requirements", null, errors,
                    List.of(), java.util.Map.of()));
        }
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

    private static void validateTerm(ContractTerm term) {
        if (!term.endDate().isAfter(term.startDate())) {
            throw ProblemException.badRequest("term.endDate", "must be after term.startDate");
        }
    }

    private static boolean sameTerm(Contract c, ContractTerm term) {
        return term.startDate().equals(c.startDate) && term.endDate().equals(c.endDate)
                && term.autoRenewal() == c.autoRenewal && term.hospitalNoticeDays() == c.hospitalNoticeDays
                && term.vendorNoticeDays() == c.vendorNoticeDays
                && Objects.equals(term.renewalMonths(), c.renewalMonths);
    }

    private static ResidencyException residencyException(RecordResidencyException request, Caller caller,
                                                         Instant now) {
        return request == null ? null
                : new ResidencyException(request.reason(), request.approvedBy(), caller.subject(), now);
    }

    /** Refuses (422) a contract whose data would leave Japanese jurisdiction without a documented exception. */
    private static void checkResidency(List<DataCategory> categories, SlaTerms sla, VendorService service,
                                       ResidencyException exception) {
        List<DataResidency.Location> locations = service == null || service.dataLocations == null ? List.of()
                : service.dataLocations.stream()
                .map(l -> new DataResidency.Location(l.country(), l.region(), l.domesticJurisdiction())).toList();
        List<GuardFailure> failures = DataResidency.check(categories, sla == null ? null : sla.dataRegion(),
                locations, exception);
        if (!failures.isEmpty()) {
            throw new ResidencyRefusedException(failures);
        }
    }

    /**
     * Renews an auto-renewing contract whose end date passed before {@code today} with no termination notice, one
     * term at a time until the term covers today (TermRenewal), each renewal with its event and audit record.
     * Answers the renewals made; a second run for the same day finds the term current and makes none.
     */
    public List<TermRenewal.Renewed> renewIfEnded(Contract c, LocalDate today, String actor) {
        List<TermRenewal.Renewed> renewals = new ArrayList<>();
        if (!c.autoRenewal) {
            return renewals;
        }
        TerminationRecord termination = TerminationRecord.findById(c.id);
        if (termination != null && termination.noticedOn != null) {
            return renewals;
        }
        while (TermRenewal.ended(c.endDate, today)) {
            ContractSnapshot before = ContractSnapshot.of(c);
            LocalDate previousEnd = c.endDate;
            TermRenewal.Renewed next = TermRenewal.next(c.startDate, c.endDate, c.renewalMonths,
                    c.hospitalNoticeDays, c.vendorNoticeDays);
            c.startDate = next.startDate();
            c.endDate = next.endDate();
            c.noticeDeadline = next.noticeDeadline();
            c.termExpired = false;
            c.updatedBy = actor;
            c.updatedAt = now();
            em.flush();
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.RENEWED,
                    new ContractPayloads.Renewed(ContractContext.of(c), previousEnd, c.startDate, c.endDate,
                            c.noticeDeadline, next.period().toString()));
            audit("contract.renewed", c, before, ContractSnapshot.of(c));
            renewals.add(next);
        }
        return renewals;
    }

    /**
     * Flags a contract still in contract whose end date passed without automatic renewal as expired and announces
     * it; answers whether it did (an already flagged contract is left alone).
     */
    public boolean flagExpired(Contract c, LocalDate today, String actor) {
        if (c.autoRenewal || c.termExpired || !TermRenewal.ended(c.endDate, today)) {
            return false;
        }
        ContractSnapshot before = ContractSnapshot.of(c);
        c.termExpired = true;
        c.updatedBy = actor;
        c.updatedAt = now();
        em.flush();
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(), ContractEventTypes.TERM_EXPIRED,
                new ContractPayloads.TermExpired(ContractContext.of(c), c.endDate, c.state));
        audit("contract.term-expired", c, before, ContractSnapshot.of(c));
        return true;
    }

    private static void applyTerm(Contract c, ContractTerm term) {
        c.startDate = term.startDate();
        c.endDate = term.endDate();
        c.autoRenewal = term.autoRenewal();
        c.hospitalNoticeDays = term.hospitalNoticeDays();
        c.vendorNoticeDays = term.vendorNoticeDays();
        c.renewalMonths = term.renewalMonths();
        // A new term is judged afresh by the daily job: it flags it again if its end has passed too.
        c.termExpired = false;
        c.noticeDeadline = NoticeDeadline.of(term.endDate(), term.hospitalNoticeDays(), term.vendorNoticeDays());
        Objects.requireNonNull(c.noticeDeadline);
    }
}
