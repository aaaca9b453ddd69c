package org.sansho.contract.disclosures.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.ReadOnlyMode;
import org.sansho.contract.catalog.DisclosureTemplates;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.service.ContractParties;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.disclosures.domain.DisclosureRules;
import org.sansho.contract.disclosures.domain.Evidence;
import org.sansho.contract.disclosures.domain.RowStatus;
import org.sansho.contract.disclosures.domain.TemplateRow;
import org.sansho.contract.disclosures.events.SharedUnderstandingReached;
import org.sansho.contract.disclosures.persistence.DisclosureItem;
import org.sansho.contract.disclosures.persistence.DisclosurePackage;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.contract.organizations.persistence.Certification;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The disclosure package of a contract (2省GL §3.2.1; vendor guideline §4.1 表4-1): the vendor answers each row of the
 * catalog's disclosure templates, the hospital accepts each answer or asks for more, and shared understanding
 * (共通理解) holds when every row is accepted. The package starts with the vendor's first answer (or copy), which
 * copies the catalog's rows into it. Every change is audited as a change of the contract; reaching shared
 * understanding publishes its event in the same transaction.
 */
@ApplicationScoped
public class DisclosureService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final ContractService contracts;
    private final DisclosureTemplates templates;

    public DisclosureService(EntityManager em, Outbox outbox, Clock clock, ContractService contracts,
                             DisclosureTemplates templates) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.contracts = contracts;
        this.templates = templates;
    }

    /** The package as the caller sees it; before it starts, the catalog's rows, all OPEN (nothing is stored). */
    public DisclosurePackageState read(UUID contractId) {
        Contract c = contracts.readable(contractId);
        DisclosurePackage pkg = em.find(DisclosurePackage.class, contractId, ReadOnlyMode.READ_ONLY);
        List<DisclosureItem> items = pkg != null ? DisclosureItem.of(contractId) : unstarted(contractId);
        return new DisclosurePackageState(c, pkg, items, facts(c));
    }

    public DisclosurePackageState answer(UUID contractId, String rowKey, String ifMatch, AnswerDisclosureItem answer,
                                         Caller caller) {
        Contract c = writable(contractId, caller, ResponsibleParty.VENDOR, "A disclosure answer");
        List<Evidence> evidence = evidence(answer.evidence());
        DisclosurePackage pkg = lockedPackage(c, ifMatch, caller);
        List<DisclosureItem> items = DisclosureItem.of(c.id);
        DisclosureItem item = row(items, rowKey);
        DisclosureItemSnapshot before = DisclosureItemSnapshot.of(item);
        item.statement = answer.statement().strip();
        item.evidence = evidence;
        item.status = DisclosureRules.afterAnswer(item.status);
        item.answeredBy = caller.subject();
        item.answeredAt = now();
        settle(c, pkg, items, caller);
        contracts.audit("disclosure.answered", c, before, DisclosureItemSnapshot.of(item));
        return new DisclosurePackageState(c, pkg, items, facts(c));
    }

    public DisclosurePackageState review(UUID contractId, String rowKey, String ifMatch, ReviewDisclosureItem review,
                                         Caller caller) {
        Contract c = writable(contractId, caller, ResponsibleParty.HOSPITAL, "A disclosure review");
        String incomplete = DisclosureRules.commentRefusal(review.decision(), review.comment());
        if (incomplete != null) {
            throw ProblemException.badRequest("comment", incomplete);
        }
        DisclosurePackage pkg = em.find(DisclosurePackage.class, c.id, LockModeType.PESSIMISTIC_WRITE);
        if (pkg == null) {
            // Nothing answered yet: the row (if it is one) has no answer to review.
            row(unstarted(c.id), rowKey);
            throw notAnswered(rowKey);
        }
        if (ifMatch != null) {
            Preconditions.requireIfMatch(ifMatch, pkg.version);
        }
        List<DisclosureItem> items = DisclosureItem.of(c.id);
        DisclosureItem item = row(items, rowKey);
        if (DisclosureRules.reviewRefusal(item.status) != null) {
            throw notAnswered(rowKey);
        }
        em.lock(pkg, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        DisclosureItemSnapshot before = DisclosureItemSnapshot.of(item);
        item.status = DisclosureRules.afterReview(review.decision());
        item.reviewDecision = review.decision();
        item.reviewComment = review.comment() == null || review.comment().isBlank() ? null : review.comment().strip();
        item.reviewedBy = caller.subject();
        item.reviewedAt = now();
        settle(c, pkg, items, caller);
        contracts.audit("disclosure.reviewed", c, before, DisclosureItemSnapshot.of(item));
        return new DisclosurePackageState(c, pkg, items, facts(c));
    }

    /**
     * Starts the package of {@code contractId} from the vendor's answers in the package of another of its contracts
     * (another hospital's, typically): the answers are copied, not shared, and every copied row waits for this
     * contract's hospital to review it (ANSWERED). Rows the earlier package has no answer for stay OPEN.
     */
    public DisclosurePackageState copy(UUID contractId, String ifMatch, CopyDisclosure request, Caller caller) {
        Contract c = writable(contractId, caller, ResponsibleParty.VENDOR, "A disclosure copy");
        if (request.copyFrom().equals(c.id)) {
            throw ProblemException.badRequest("copyFrom", "names this contract itself; name another contract of "
                    + "your organization whose disclosure package holds answers");
        }
        Contract source = Contract.findById(request.copyFrom());
        if (source == null || !source.vendorId.equals(c.vendorId)) {
            throw ProblemException.badRequest("copyFrom", "is not a contract of your organization as vendor");
        }
        Map<String, DisclosureItem> answered = DisclosureItem.of(source.id).stream()
                .filter(i -> i.status != RowStatus.OPEN)
                .collect(Collectors.toMap(i -> i.rowKey, Function.identity()));
        if (answered.isEmpty()) {
            throw ProblemException.badRequest("copyFrom", "the disclosure package of contract " + source.id
                    + " holds no answer to copy");
        }
        DisclosurePackage pkg = lockedPackage(c, ifMatch, caller);
        List<DisclosureItem> items = DisclosureItem.of(c.id);
        if (items.stream().anyMatch(i -> i.status != RowStatus.OPEN)) {
            throw ProblemException.conflict("disclosure-already-answered", "Disclosure already answered",
                    "This contract's disclosure package already holds answers; a copy only starts a package");
        }
        DisclosurePackageSnapshot before = DisclosurePackageSnapshot.of(pkg, items);
        Instant now = now();
        for (DisclosureItem item : items) {
            DisclosureItem from = answered.get(item.rowKey);
            if (from != null) {
                item.statement = from.statement;
                item.evidence = List.copyOf(from.evidence);
                item.status = DisclosureRules.afterAnswer(item.status);
                item.answeredBy = caller.subject();
                item.answeredAt = now;
            }
        }
        pkg.copiedFrom = source.id;
        settle(c, pkg, items, caller);
        contracts.audit("disclosure.copied", c, before, DisclosurePackageSnapshot.of(pkg, items));
        return new DisclosurePackageState(c, pkg, items, facts(c));
    }

    /** The contract, if the caller writes for {@code side} and the package still takes answers and reviews. */
    private Contract writable(UUID contractId, Caller caller, ResponsibleParty side, String what) {
        Contract c = contracts.visible(contractId);
        ContractParties.requireSide(c, caller, side, what);
        if (!DisclosureRules.open(c.state)) {
            throw ProblemException.conflict("disclosure-closed", "Disclosure closed",
                    "The disclosure package is answered and reviewed before the agreement; this contract is "
                            + c.state);
        }
        return c;
    }

    /**
     * The package, locked for this change and its version moved on; started (with the catalog's rows) when it does
     * not exist yet. If-Match, when given, names the version the caller read (0 before the package starts).
     */
    private DisclosurePackage lockedPackage(Contract c, String ifMatch, Caller caller) {
        DisclosurePackage pkg = em.find(DisclosurePackage.class, c.id, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch != null) {
            Preconditions.requireIfMatch(ifMatch, pkg == null ? 0 : pkg.version);
        }
        if (pkg == null) {
            Instant now = now();
            pkg = new DisclosurePackage();
            pkg.contractId = c.id;
            pkg.sharedUnderstanding = false;
            pkg.createdBy = caller.subject();
            pkg.createdAt = now;
            pkg.updatedBy = caller.subject();
            pkg.updatedAt = now;
            pkg.persist();
            List<TemplateRow> rows = templates.rows();
            for (int i = 0; i < rows.size(); i++) {
                DisclosureItem.open(c.id, i + 1, rows.get(i)).persist();
            }
            em.flush();
            contracts.audit("disclosure.started", c, null,
                    DisclosurePackageSnapshot.of(pkg, DisclosureItem.of(c.id)));
        }
        em.lock(pkg, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return pkg;
    }

    /** Recomputes shared understanding after a change; reaching it publishes its event. */
    private void settle(Contract c, DisclosurePackage pkg, List<DisclosureItem> items, Caller caller) {
        boolean was = pkg.sharedUnderstanding;
        Instant now = now();
        pkg.sharedUnderstanding = DisclosureRules.sharedUnderstanding(items.stream().map(i -> i.status).toList());
        pkg.sharedUnderstandingAt = pkg.sharedUnderstanding ? (was ? pkg.sharedUnderstandingAt : now) : null;
        pkg.updatedBy = caller.subject();
        pkg.updatedAt = now;
        if (pkg.sharedUnderstanding != was) {
            // The contract's representation shows the shared understanding: its version (ETag) moves on with it.
            em.lock(c, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        em.flush();
        if (pkg.sharedUnderstanding && !was) {
            outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                    ContractEventTypes.DISCLOSURE_SHARED_UNDERSTANDING_REACHED,
                    new SharedUnderstandingReached(ContractContext.of(c), items.size(), pkg.copiedFrom,
                            now.atOffset(ZoneOffset.UTC)));
        }
    }

    private List<DisclosureItem> unstarted(UUID contractId) {
        List<TemplateRow> rows = templates.rows();
        List<DisclosureItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            items.add(DisclosureItem.open(contractId, i + 1, rows.get(i)));
        }
        return items;
    }

    /** The row with this key; an unknown key is a 422 that names it. */
    private static DisclosureItem row(List<DisclosureItem> items, String rowKey) {
        return items.stream().filter(i -> i.rowKey.equals(rowKey)).findFirst().orElseThrow(() ->
                ProblemException.of(422, "unknown-disclosure-row", "Unknown disclosure row",
                        "The disclosure package has no row " + rowKey + "; its rows are "
                                + items.stream().map(i -> i.rowKey).collect(Collectors.joining(", "))));
    }

    private static ProblemException notAnswered(String rowKey) {
        return ProblemException.conflict("disclosure-row-not-answered", "Row not answered",
                "Row " + rowKey + ": " + DisclosureRules.reviewRefusal(RowStatus.OPEN));
    }

    /** Evidence as given, each link an absolute http(s) URI. */
    private static List<Evidence> evidence(List<Evidence> given) {
        if (given == null) {
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String uri = given.get(i).uri();
            if (uri != null && !isWebAddress(uri)) {
                throw ProblemException.badRequest("evidence[" + i + "].uri", "must be an absolute http or https "
                        + "address");
            }
        }
        return List.copyOf(given);
    }

    private static boolean isWebAddress(String uri) {
        try {
            URI u = new URI(uri);
            return u.isAbsolute() && u.getHost() != null
                    && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private RegisteredFacts facts(Contract c) {
        VendorService service = em.find(VendorService.class, c.serviceId, ReadOnlyMode.READ_ONLY);
        LocalDate today = LocalDate.now(clock);
        List<RegisteredFacts.HeldCertification> certifications = Certification
                .<Certification>list("organizationId = ?1 order by scheme, expiresOn", c.vendorId).stream()
                .map(x -> new RegisteredFacts.HeldCertification(x.scheme, x.certificateNumber, x.issuer, x.issuedOn,
                        x.expiresOn, x.expiresOn == null || !x.expiresOn.isBefore(today)))
                .toList();
        return new RegisteredFacts(service == null ? null : service.name,
                service == null ? null : service.dataLocations,
                service == null ? null : (service.subcontractors == null ? List.of() : service.subcontractors),
                certifications,
                c.sla == null ? null : c.sla.backupGenerations(),
                c.sla == null ? null : c.sla.offlineBackupCopy());
    }

    private Instant now() {
        return clock.instant();
    }
}
