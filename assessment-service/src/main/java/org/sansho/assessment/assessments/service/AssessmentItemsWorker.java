package org.sansho.assessment.assessments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.StatelessSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sansho.assessment.assessments.domain.AssessmentAction;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.AssessmentWorkflow;
import org.sansho.assessment.assessments.domain.WorkflowFacts;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.catalog.ApplicableRequirements;
import org.sansho.assessment.catalog.ApplicableRequirementsQuery;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.platform.background.WakeableLoop;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.tenancy.SystemScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fills PENDING_ITEMS assessments with their items from the catalog and opens them.
 *
 * <p>Each assessment is claimed with {@code select … for update skip locked}, so two instances never fill the
 * same one, and filled in one transaction with its {@code assessment.opened} event. When the catalog cannot be
 * reached the transaction rolls back and the attempt is simply repeated later (with a short back-off): the
 * assessment opens once the catalog is back, exactly once. Runs on the platform's {@link WakeableLoop}: right after
 * a commit that recorded a new assessment, and every second in between (for what a crashed instance left, or what
 * waited for the catalog). An assessment whose catalog answer is already at hand is filled by its opening
 * transaction instead ({@link #fillIfKnown}).
 */
@ApplicationScoped
@SystemScope("assessment-service.items-worker")
public class AssessmentItemsWorker {

    private static final Logger LOG = Logger.getLogger(AssessmentItemsWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final ApplicableRequirements NOTHING = new ApplicableRequirements(List.of(), List.of(), 0);

    private final EntityManager em;
    private final StatelessSession rows;
    private final ApplicableRequirementsQuery catalog;
    private final Outbox outbox;
    private final AssessmentAudit audit;
    private final Clock clock;
    private final WakeableLoop loop;
    private final Duration giveUpAfter;

    public AssessmentItemsWorker(EntityManager em, StatelessSession rows, ApplicableRequirementsQuery catalog,
                                 Outbox outbox, AssessmentAudit audit, Clock clock,
                                 @ConfigProperty(name = "sansho.assessment.items-poll-interval", defaultValue = "1s")
                                 Duration pollInterval,
                                 @ConfigProperty(name = "sansho.assessment.items-give-up-after") Duration giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
        this.audit = audit;
        this.em = em;
        this.rows = rows;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
        // One assessment per step: each is filled (or postponed) in a transaction of its own.
        this.loop = new WakeableLoop("assessment-items-worker", pollInterval, MAX_BACKOFF, 1,
                () -> fillOne() ? 1 : 0);
    }

    void start(@Observes StartupEvent ignored) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop(Duration.ofSeconds(10));
    }

    /** Asks for a fill round now (after a commit that recorded a new assessment). */
    public void wake() {
        loop.wake();
    }

    /** Fills pending assessments until none is due, on the caller's thread. */
    public void drain() {
        loop.drain();
    }

    private boolean fillOne() {
        UUID[] claimed = new UUID[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<?> ids = em.createNativeQuery("""
                                select id from assessment
                                where status = 'PENDING_ITEMS'
                                  and (next_items_attempt_at is null or next_items_attempt_at <= now())
                                order by created_at limit 1
                                for update skip locked""")
                        .getResultList();
                if (ids.isEmpty()) {
                    return false;
                }
                claimed[0] = (UUID) ids.get(0);
                fill(em.find(Assessment.class, claimed[0]));
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            postpone(claimed[0], e);
            return false;
        }
    }

    /**
     * Fills {@code a} at once, in the caller's transaction, when the catalog's answer is at hand (the same question
     * was asked before; published versions never change): the common case opens in one transaction, with no
     * round through the worker. Otherwise it stays PENDING_ITEMS for the worker, which may call the catalog. The
     * caller's audit record of the opening covers this fill.
     *
     * @return whether it was filled
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fillIfKnown(Assessment a) {
        Optional<ApplicableRequirements> known = a.baseline.isEmpty() ? Optional.of(NOTHING)
                : catalog.known(a.baseline, a.phase, a.serviceModel, a.dataCategories);
        known.ifPresent(found -> fill(a, found));
        return known.isPresent();
    }

    /** The worker's fill, a change of its own after the opening: audited as {@code assessment.items-filled}. */
    private void fill(Assessment a) {
        audit.actAs("assessment-service.items-worker", null);
        AssessmentSnapshot pending = AssessmentSnapshot.of(a);
        // A contract without a baseline owes no catalog requirement: the assessment opens empty rather than
        // asking the catalog a question it refuses.
        fill(a, a.baseline.isEmpty() ? NOTHING : catalog.find(a.baseline, a.phase, a.serviceModel, a.dataCategories));
        audit.assessment("assessment.items-filled", a, pending);
    }

    private void fill(Assessment a, ApplicableRequirements found) {
        Map<String, AssessmentItem> earlier = earlierAnswers(a);
        int answered = 0;
        List<AssessmentItem> created = new ArrayList<>(found.requirements().size());
        for (ApplicableRequirements.Requirement r : found.requirements()) {
            AssessmentItem item = RequirementSnapshots.item(a.id, r, created.size());
            AssessmentItem before = earlier.get(item.requirementKey);
            if (before != null && before.sameRequirementText(item)) {
                carryForward(before, item);
                answered++;
            }
            created.add(item);
        }
        // Who answers each item follows the contract's responsibility split (責任分界), as last published.
        ResponsibilitySplits.assign(created, ResponsibilitySplits.sides(a.contractId));
        // The items are written as they are, in one batch, with no entity kept for them in this transaction: an
        // opening writes them once and nothing here changes them again (tens per assessment, which the session
        // would otherwise snapshot, and flush one by one when the audit record's insert forces a flush). The
        // assessment row goes first, for the items' foreign key.
        em.flush();
        rows.insertMultiple(created);
        int items = created.size();
        a.status = AssessmentWorkflow.next(a.status, AssessmentAction.FILL_ITEMS,
                new WorkflowFacts(items, items - answered, answered, 0, answered));
        a.itemsError = null;
        a.updatedAt = now();
        outbox.publish(AssessmentEventTypes.AGGREGATE, a.contractId.toString(), AssessmentEventTypes.OPENED,
                new AssessmentPayloads.Opened(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase, a.baseline,
                        items));
    }

    /**
     * A re-review starts from the answers of the contract's latest completed assessment: the vendor confirms or
     * updates them instead of starting over (合意の維持, 2省GL §3.2.2). Evaluations are never carried forward.
     */
    private Map<String, AssessmentItem> earlierAnswers(Assessment a) {
        List<Assessment> previous = Assessment.find(
                "contractId = ?1 and id <> ?2 and status = org.sansho.assessment.assessments.domain"
                        + ".AssessmentStatus.COMPLETED order by completedAt desc", a.contractId, a.id)
                .page(0, 1).list();
        Map<String, AssessmentItem> answers = new HashMap<>();
        if (!previous.isEmpty()) {
            AssessmentItem.<AssessmentItem>list("assessmentId = ?1 and (response is not null "
                            + "or hospitalResponse is not null)", previous.get(0).id)
                    .forEach(i -> answers.put(i.requirementKey, i));
        }
        return answers;
    }

    private static void carryForward(AssessmentItem from, AssessmentItem to) {
        to.response = from.response;
        to.justification = from.justification;
        to.statement = from.statement;
        to.evidenceRefs = from.evidenceRefs;
        to.respondedBy = from.respondedBy;
        to.respondedAt = from.respondedAt;
        to.hospitalResponse = from.hospitalResponse;
        to.hospitalJustification = from.hospitalJustification;
        to.hospitalStatement = from.hospitalStatement;
        to.hospitalEvidenceRefs = from.hospitalEvidenceRefs;
        to.hospitalRespondedBy = from.hospitalRespondedBy;
        to.hospitalRespondedAt = from.hospitalRespondedAt;
        to.carriedForward = true;
    }

    private void postpone(UUID id, RuntimeException cause) {
        String reason = WakeableLoop.rootMessage(cause);
        LOG.warnf("The items of assessment %s could not be read from the catalog (%s); retrying later", id, reason);
        QuarkusTransaction.requiringNew().run(() -> {
            Assessment a = em.find(Assessment.class, id);
            if (a == null) {
                return;
            }
            a.itemsAttempts++;
            long backoff = Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(a.itemsAttempts, 10));
            a.nextItemsAttemptAt = now().plusMillis(backoff);
            a.itemsError = reason.length() > 500 ? reason.substring(0, 500) : reason;
            Instant since = a.itemsPendingSince != null ? a.itemsPendingSince : a.createdAt;
            if (a.status == AssessmentStatus.PENDING_ITEMS && !now().isBefore(since.plus(giveUpAfter))) {
                giveUp(a, since);
            }
        });
    }

    /**
     * Stops asking: the catalog has not resolved the items for {@code sansho.assessment.items-give-up-after}. The
     * assessment shows the reason (ITEMS_UNRESOLVED, {@code pendingReason}) and both sides are told, instead of an
     * assessment that never opens and never says why.
     */
    private void giveUp(Assessment a, Instant since) {
        audit.actAs("assessment-service.items-worker", null);
        AssessmentSnapshot before = AssessmentSnapshot.of(a);
        a.status = AssessmentWorkflow.next(a.status, AssessmentAction.GIVE_UP_ITEMS, new WorkflowFacts(0, 0, 0, 0, 0));
        a.nextItemsAttemptAt = null;
        a.updatedAt = now();
        LOG.warnf("Assessment %s: the catalog did not resolve its items since %s; ITEMS_UNRESOLVED (%s)", a.id, since,
                a.itemsError);
        outbox.publish(AssessmentEventTypes.AGGREGATE, a.contractId.toString(), AssessmentEventTypes.ITEMS_UNRESOLVED,
                new AssessmentPayloads.ItemsUnresolved(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase,
                        a.baseline, a.itemsError, since, a.itemsAttempts));
        audit.assessment("assessment.items-unresolved", a, before);
    }

    /**
     * Sends every ITEMS_UNRESOLVED assessment back to PENDING_ITEMS (the catalog published or revised a version,
     * which may be what they lacked); the worker asks the catalog again, for another full period.
     *
     * @return how many were sent back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retryUnresolved() {
        List<Assessment> unresolved = Assessment.list("status", AssessmentStatus.ITEMS_UNRESOLVED);
        for (Assessment a : unresolved) {
            AssessmentSnapshot before = AssessmentSnapshot.of(a);
            a.status = AssessmentWorkflow.next(a.status, AssessmentAction.RETRY_ITEMS, new WorkflowFacts(0, 0, 0, 0, 0));
            a.itemsAttempts = 0;
            a.nextItemsAttemptAt = null;
            a.itemsPendingSince = now();
            a.updatedAt = now();
            audit.assessment("assessment.items-retried", a, before);
        }
        if (!unresolved.isEmpty()) {
            wake();
        }
        return unresolved.size();
    }

    private Instant now() {
        return clock.instant();
    }
}
