package org.sansho.contract.reminders.service;

import org.sansho.contract.reminders.domain.ReminderThresholds;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.events.ContractContext;
import org.sansho.contract.contracts.events.ContractPayloads;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.contract.organizations.persistence.Certification;
import org.sansho.contract.reagreements.events.ReagreementPayloads;
import org.sansho.contract.reagreements.persistence.ReagreementCase;
import org.sansho.platform.audit.AuditActor;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.tenancy.SystemScope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Emits reminders once per subject, threshold and due date (the reminder_sent table's key makes a second send
 * impossible, also across instances): certifications expiring within 30/7/0 days (2省GL §4.4 requires Privacy
 * Mark or ISMS to be held), notice deadlines within 30/7/0 days, end dates passed without renewal or
 * termination, and re-agreement cases still open after their due date (合意の維持, 2省GL §3.2.2). It also drives the
 * term's end: an auto-renewing contract is renewed (contract.renewed), any other one still in contract is flagged
 * expired (contract.term-expired), each once.
 */
@ApplicationScoped
@SystemScope("contract-service.reminders")
public class ReminderService {

    static final String CERTIFICATION_EXPIRING = "CERTIFICATION_EXPIRING";
    static final String NOTICE_DEADLINE = "NOTICE_DEADLINE";
    static final String END_DATE_PASSED = "END_DATE_PASSED";
    private static final String ACTOR = "contract-service.reminders";
    static final String REAGREEMENT_OVERDUE = "REAGREEMENT_OVERDUE";
    private static final List<ContractState> IN_CONTRACT =
            List.of(ContractState.ACTIVE, ContractState.UNDER_REVIEW, ContractState.INCIDENT);

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;

    private final AuditTrail audit;
    private final ContractService contracts;

    public ReminderService(EntityManager em, Outbox outbox, Clock clock, AuditTrail audit, ContractService contracts) {
        this.audit = audit;
        this.contracts = contracts;
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${sansho.reminders.every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sendDueToday();
    }

    /** Sends what is due on the business calendar's today. */
    @Transactional
    public int sendDueToday() {
        return sendDue(LocalDate.now(clock));
    }

    /** Sends what is due on {@code today}; returns how many reminders were published. */
    @Transactional
    public int sendDue(LocalDate today) {
        audit.actAs(AuditActor.system(ACTOR), null);
        int sent = 0;
        List<Certification> expiring = Certification.list("expiresOn <= ?1 and expiresOn >= ?2",
                today.plusDays(30), today.minusDays(30));
        for (Certification c : expiring) {
            Optional<Integer> threshold = claim(CERTIFICATION_EXPIRING, c.id, c.expiresOn, today);
            if (threshold.isPresent()) {
                outbox.publish(ContractEventTypes.ORGANIZATION_AGGREGATE, c.organizationId.toString(),
                        ContractEventTypes.CERTIFICATION_EXPIRING,
                        new ContractPayloads.CertificationExpiring(c.organizationId, c.id, c.scheme.name(),
                                c.expiresOn, threshold.get()));
                audit.record("reminder.certification-expiring", "certification", c.id, List.of(c.organizationId),
                        null, Map.of("kind", CERTIFICATION_EXPIRING, "due", c.expiresOn, "threshold", threshold.get()));
                sent++;
            }
        }
        List<Contract> deadlines = Contract.list("state in ?1 and noticeDeadline <= ?2 and noticeDeadline >= ?3",
                IN_CONTRACT, today.plusDays(30), today.minusDays(30));
        for (Contract c : deadlines) {
            Optional<Integer> threshold = claim(NOTICE_DEADLINE, c.id, c.noticeDeadline, today);
            if (threshold.isPresent()) {
                outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                        ContractEventTypes.NOTICE_DEADLINE_APPROACHING,
                        new ContractPayloads.NoticeDeadlineApproaching(ContractContext.of(c), c.noticeDeadline,
                                threshold.get(), NOTICE_DEADLINE));
                audit.record("reminder.notice-deadline", "contract", c.id, List.of(c.hospitalId, c.vendorId), null,
                        Map.of("kind", NOTICE_DEADLINE, "due", c.noticeDeadline, "threshold", threshold.get()));
                sent++;
            }
        }
        // An auto-renewing contract with no termination notice rolls its term over once its end date has passed;
        // the new end date lies ahead, so a second run for the same day finds nothing to renew.
        List<Contract> renewing = Contract.list("state in ?1 and endDate < ?2 and autoRenewal = true",
                IN_CONTRACT, today);
        for (Contract c : renewing) {
            sent += contracts.renewIfEnded(c, today, ACTOR).size();
        }
        // Any other contract still in contract has overrun its end: flagged expired (once) and announced.
        List<Contract> overrun = Contract.list("state in ?1 and endDate < ?2 and autoRenewal = false",
                IN_CONTRACT, today);
        for (Contract c : overrun) {
            if (contracts.flagExpired(c, today, ACTOR)) {
                sent++;
            }
            if (insert(END_DATE_PASSED, c.id, 0, c.endDate)) {
                outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                        ContractEventTypes.NOTICE_DEADLINE_APPROACHING,
                        new ContractPayloads.NoticeDeadlineApproaching(ContractContext.of(c), c.endDate, 0,
                                END_DATE_PASSED));
                audit.record("reminder.end-date-passed", "contract", c.id, List.of(c.hospitalId, c.vendorId), null,
                        Map.of("kind", END_DATE_PASSED, "due", c.endDate, "threshold", 0));
                sent++;
            }
        }
        // A re-agreement both sides were due to sign and have not: announced once per case, to both sides.
        List<ReagreementCase> overdue = ReagreementCase.list("closedAt is null and dueOn < ?1", today);
        for (ReagreementCase r : overdue) {
            if (insert(REAGREEMENT_OVERDUE, r.id, 0, r.dueOn)) {
                Contract c = Contract.findById(r.contractId);
                outbox.publish(ContractEventTypes.CONTRACT_AGGREGATE, c.id.toString(),
                        ContractEventTypes.REAGREEMENT_OVERDUE,
                        new ReagreementPayloads.Overdue(ContractContext.of(c), r.id, r.trigger, r.openedOn, r.dueOn,
                                r.hospitalConsentAt != null, r.vendorConsentAt != null));
                audit.record("reminder.reagreement-overdue", "contract", c.id, List.of(c.hospitalId, c.vendorId),
                        null, Map.of("kind", REAGREEMENT_OVERDUE, "case", r.id, "due", r.dueOn, "threshold", 0));
                sent++;
            }
        }
        return sent;
    }

    /**
     * Marks every threshold reached for the due date as sent and answers the nearest one if it was not sent
     * before (the farther ones are only marked, so a late first run does not send three reminders at once).
     */
    private Optional<Integer> claim(String kind, UUID subject, LocalDate due, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, due);
        Optional<Integer> nearest = ReminderThresholds.nearest(daysLeft);
        if (nearest.isEmpty()) {
            return Optional.empty();
        }
        boolean nearestIsNew = false;
        for (int threshold : ReminderThresholds.reached(daysLeft)) {
            boolean inserted = insert(kind, subject, threshold, due);
            if (threshold == nearest.get()) {
                nearestIsNew = inserted;
            }
        }
        return nearestIsNew ? nearest : Optional.empty();
    }

    private boolean insert(String kind, UUID subject, int threshold, LocalDate due) {
        return em.createNativeQuery("""
                        insert into reminder_sent (kind, subject_id, threshold, due_date, sent_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, kind).setParameter(2, subject).setParameter(3, threshold).setParameter(4, due)
                .setParameter(5, clock.instant())
                .executeUpdate() == 1;
    }
}
