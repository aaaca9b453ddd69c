package org.sansho.contract.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sansho.contract.catalog.RoleSharingTemplates;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.ResponsibilitySplit;
import org.sansho.contract.contracts.domain.RoleSharingChecklist;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.events.ContractPayloads;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Preconditions;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The contract's responsibility split (責任分界): set by the hospital against the catalog's role-sharing checklist,
 * acknowledged by the vendor; a change withdraws the acknowledgement. Every change publishes
 * {@code contract.responsibility-split-changed}, from which the assessment-service learns who answers which item.
 */
@ApplicationScoped
public class ResponsibilitySplitService {

    private final ContractService contracts;
    private final RoleSharingTemplates templates;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public ResponsibilitySplitService(ContractService contracts, RoleSharingTemplates templates, Outbox outbox,
                                      EntityManager em, Clock clock) {
        this.contracts = contracts;
        this.templates = templates;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** Replaces the split of a live contract (the hospital's procurement); If-Match is checked when given. */
    public Contract set(UUID id, String ifMatch, List<Responsibility> entries, Caller caller) {
        Contract c = contracts.writableByHospital(id, caller);
        if (ifMatch != null) {
            Preconditions.requireIfMatch(ifMatch, c.version);
        }
        if (!c.state.isLive()) {
            throw ProblemException.conflict("contract-not-live", "Contract not live",
                    "The responsibility split of a " + c.state + " contract cannot be changed");
        }
        RoleSharingChecklist checklist = checked(entries);
        ContractSnapshot before = ContractSnapshot.of(c);
        if (apply(c, entries, checklist, caller.subject())) {
            contracts.audit("contract.responsibility-split-set", c, before, ContractSnapshot.of(c));
        }
        return c;
    }

    /** The vendor acknowledges the split as it stands; acknowledging it again changes nothing. */
    public Contract acknowledge(UUID id, Caller caller) {
        Contract c = contracts.visible(id);
        if (!caller.hasRole(Roles.VENDOR) || !c.vendorId.equals(caller.requireOrganization())) {
            throw ProblemException.forbidden("Only the contract's vendor acknowledges its responsibility split");
        }
        if (c.responsibilityChecklist == null) {
            throw ProblemException.conflict("no-responsibility-split", "No responsibility split",
                    "The hospital has not set a responsibility split to acknowledge");
        }
        if (c.splitAcknowledgedAt != null) {
            return c;
        }
        ContractSnapshot before = ContractSnapshot.of(c);
        c.splitAcknowledgedAt = clock.instant();
        c.splitAcknowledgedBy = caller.subject();
        c.updatedBy = caller.subject();
        c.updatedAt = c.splitAcknowledgedAt;
        publish(c);
        contracts.audit("contract.responsibility-split-acknowledged", c, before, ContractSnapshot.of(c));
        return c;
    }

    /**
     * The checklist the entries are checked against; 400 for a key given twice and 422 naming every key that is no
     * item of the checklist. Nothing is changed here.
     */
    public RoleSharingChecklist checked(List<Responsibility> entries) {
        List<String> duplicates = ResponsibilitySplit.duplicateKeys(entries);
        if (!duplicates.isEmpty()) {
            throw ProblemException.badRequest("items", "key(s) given more than once: " + String.join(", ", duplicates));
        }
        RoleSharingChecklist checklist = templates.checklist();
        List<String> unknown = ResponsibilitySplit.unknownKeys(checklist, entries);
        if (!unknown.isEmpty()) {
            throw new ProblemException(new Problem(URI.create(ProblemException.TYPE_BASE + "unknown-checklist-item"),
                    "Unknown checklist item", 422, "not an item of the role-sharing checklist "
                    + checklist.templateId() + ": " + String.join(", ", unknown), null,
                    unknown.stream().map(k -> new Problem.FieldError("key", "unknown checklist item " + k)).toList(),
                    List.of(), Map.of()));
        }
        return checklist;
    }

    /**
     * Sets the split on the contract when it differs from the one it has (the entries or the checklist they were
     * checked against), withdraws the vendor's acknowledgement and publishes the change.
     *
     * @return whether anything changed
     */
    boolean apply(Contract c, List<Responsibility> entries, RoleSharingChecklist checklist, String actor) {
        if (List.copyOf(entries).equals(c.responsibilities) && Objects.equals(checklist, c.responsibilityChecklist)) {
            return false;
        }
        assign(c, entries, checklist);
        c.updatedBy = actor;
        c.updatedAt = clock.instant();
        publish(c);
        return true;
    }

    /** Sets the split on a contract not yet stored (its opening), without an acknowledgement; publishes nothing. */
    static void assign(Contract c, List<Responsibility> entries, RoleSharingChecklist checklist) {
        c.responsibilities = List.copyOf(entries);
        c.responsibilityChecklist = checklist;
        c.splitAcknowledgedAt = null;
        c.splitAcknowledgedBy = null;
    }

    /** Publishes the split as it stands, when one was set against a checklist. */
    void published(Contract c) {
        if (c.responsibilityChecklist != null) {
            publish(c);
        }
    }

    private void publish(Contract c) {
        em.flush();
        List<ContractPayloads.SplitItem> items = ResponsibilitySplit.assignments(c.responsibilityChecklist,
                        c.responsibilities).stream()
                .filter(a -> a.party() != null)
                .map(a -> new ContractPayloads.SplitItem(a.key(), a.part().name(), a.party().name(), a.note(),
                        a.requirements()))
                .toList();
        outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                ContractEventTypes.RESPONSIBILITY_SPLIT_CHANGED,
                new ContractPayloads.ResponsibilitySplitChanged(ContractContext.of(c),
                        c.responsibilityChecklist.templateId(), items, c.splitAcknowledgedAt != null));
    }
}
