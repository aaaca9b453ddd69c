package org.sansho.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.sansho.platform.outbox.OutboxConfig;
import org.sansho.platform.transaction.AfterCommit;
import org.sansho.platform.rest.Page;
import org.sansho.platform.rest.PageParams;
import org.jboss.logging.MDC;
import org.sansho.platform.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The service's tamper-evident audit trail. Every state change calls {@link #record} inside its own transaction,
 * so the change and its audit record commit together or not at all.
 *
 * <p>Records form one hash chain per service database: each row's {@code prev_hash} is the previous row's
 * {@code hash}, and {@code hash} covers {@code prev_hash}, the row's {@code seq} and all of its fields
 * ({@link AuditRow}). A change's transaction inserts its record unlinked; once it has committed, the
 * {@link AuditSealer} gives it the next {@code seq} and links it, one sealer at a time across instances, so the
 * chain never forks and {@code seq} has no gaps, while writers never wait for each other's commits. The database
 * refuses UPDATE, DELETE and TRUNCATE on the table, except the one sealing of an unsealed row (migrations
 * {@code V0_3}, {@code V0_4}); {@link #verify()} finds the first row that was changed anyway.
 *
 * <p>The actor is the request's {@link Caller}; where there is none (an event consumer, a scheduled job) it is
 * the system actor bound with {@link #actAs}, or {@code system:<service>}. The request id is the request's
 * {@code X-Request-Id} as the platform's request filter put it in the logging MDC, or what {@link #actAs}
 * bound (e.g. {@code event:<id>} for a consumed event).
 */
@ApplicationScoped
public class AuditTrail {

    /** The advisory lock key that serializes the sealing of records ("sansho audit"). */
    static final long CHAIN_LOCK = 0x53414e53484f4155L;
    private static final String SEAL_KEY = AuditTrail.class.getName() + ".seal";
    private static final String ACTOR_KEY = AuditTrail.class.getName() + ".actor";
    private static final String REQUEST_KEY = AuditTrail.class.getName() + ".request";
    private static final String BATCH_KEY = AuditTrail.class.getName() + ".batch";
    /** Records of a {@link #batch()} inserted per statement: 12 parameters each, well below the driver's limit. */
    static final int BATCH_ROWS = 200;
    private static final int INSERT_COLUMNS = 12;
    /** Where the platform's request filter puts the request's {@code X-Request-Id} (the logging MDC). */
    static final String REQUEST_ID_MDC_KEY = "requestId";
    private static final int VERIFY_BATCH = 1000;
    static final String COLUMNS = """
            seq, cast(id as text), cast(extract(epoch from recorded_at) * 1000000 as bigint), actor_subject,
            cast(actor_org as text), actor_roles, action, entity_type, entity_id,
            array_to_string(organizations, ','), before_digest, after_digest, request_id, prev_hash, hash""";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final Instance<Caller> caller;
    private final String serviceName;
    private final Instance<AuditSealer> sealer;
    private final Clock clock;

    public AuditTrail(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions,
                      Instance<Caller> caller, OutboxConfig outbox, Instance<AuditSealer> sealer, Clock clock) {
        this.sealer = sealer;
        this.clock = clock;
        this.em = em;
        this.mapper = mapper;
        this.transactions = transactions;
        this.caller = caller;
        String source = outbox.source();
        this.serviceName = source.substring(source.lastIndexOf('/') + 1);
    }

    /**
     * Names the actor (and request id) of the changes of the current transaction when no request's caller made
     * them: an event consumer binds {@code system:<consumer>} and {@code event:<event id>}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void actAs(AuditActor actor, String requestIdValue) {
        transactions.putResource(ACTOR_KEY, Objects.requireNonNull(actor));
        if (requestIdValue != null) {
            transactions.putResource(REQUEST_KEY, requestIdValue);
        }
    }

    /**
     * Unbinds what {@link #actAs} bound in the current transaction: the records after this name the default actor
     * and request id again. A consumer that applies several events in one transaction calls it before each, so that
     * no event's records carry the previous event's actor.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetActor() {
        transactions.putResource(ACTOR_KEY, Boolean.FALSE);
        transactions.putResource(REQUEST_KEY, Boolean.FALSE);
    }

    /**
     * Adds one audit record to the caller's transaction (inserted at once, or with its {@link #batch()}'s next
     * statement); it is linked into the chain right after the commit.
     *
     * @param action        what happened, e.g. {@code contract.transitioned}
     * @param entityType    e.g. {@code contract}
     * @param entityId      the changed entity's id
     * @param organizations the organizations the entity belongs to (whose auditors may read the record);
     *                      empty for public reference data
     * @param before        the entity's representation before the change (null for a create)
     * @param after         its representation after the change (null for a removal)
     * @return the record's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String action, String entityType, Object entityId, Collection<UUID> organizations,
                       Object before, Object after) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        AuditActor actor = currentActor();
        String request = currentRequestId();
        String beforeDigest = CanonicalJson.digest(mapper, before);
        String afterDigest = CanonicalJson.digest(mapper, after);
        List<UUID> orgs = organizations == null ? List.of()
                : organizations.stream().filter(Objects::nonNull).toList();

        AuditRow row = new AuditRow(0, UUID.randomUUID(), clock.instant(),
                actor.subject(), actor.organizationId(), actor.rolesText(), action, entityType, entityId.toString(),
                orgs, beforeDigest, afterDigest, request, null, null);
        Object open = transactions.getResource(BATCH_KEY);
        if (open instanceof Batch batch) {
            batch.add(row);
        } else {
            insert(List.of(row));
        }
        sealAfterCommit();
        return row.id();
    }

    /**
     * Opens a batch for the records of the current transaction: until it is closed, {@link #record} keeps each record
     * and inserts them {@value #BATCH_ROWS} at a time in one statement, instead of one statement per record (a bulk
     * import writes thousands). The records are the same as without a batch, in the same order, and they are sealed
     * into the chain the same way after the commit ({@link AuditSealer}). Close the batch before the transaction
     * commits (try-with-resources around the writes): closing inserts what it still holds. A batch inside a batch of
     * the same transaction is the outer one (closing it does nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Batch batch() {
        if (transactions.getResource(BATCH_KEY) instanceof Batch) {
            return new Batch(false);
        }
        Batch batch = new Batch(true);
        transactions.putResource(BATCH_KEY, batch);
        // A batch left open with records in it would lose them: such a transaction does not commit.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (batch.open && !batch.pending.isEmpty()) {
                    transactions.setRollbackOnly();
                    throw new IllegalStateException("an audit batch was left open with " + batch.pending.size()
                            + " record(s); the transaction is rolled back");
                }
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
        return batch;
    }

    /** The records of one transaction inserted together; see {@link #batch()}. */
    public final class Batch implements AutoCloseable {

        private final boolean outer;
        private final List<AuditRow> pending = new ArrayList<>();
        private boolean open = true;

        private Batch(boolean outer) {
            this.outer = outer;
        }

        private void add(AuditRow row) {
            pending.add(row);
            if (pending.size() >= BATCH_ROWS) {
                write();
            }
        }

        private void write() {
            if (!pending.isEmpty()) {
                insert(pending);
                pending.clear();
            }
        }

        /** Inserts what the batch holds and ends it: the transaction's next records are inserted one at a time. */
        @Override
        public void close() {
            if (!outer || !open) {
                return;
            }
            open = false;
            transactions.putResource(BATCH_KEY, Boolean.FALSE);
            write();
        }
    }

    /** Inserts records unlinked, in their order, in one statement. */
    private void insert(List<AuditRow> rows) {
        StringBuilder sql = new StringBuilder("""
                insert into audit_record (id, recorded_at, actor_subject, actor_org, actor_roles, action,
                    entity_type, entity_id, organizations, before_digest, after_digest, request_id)
                values""");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * INSERT_COLUMNS;
            sql.append(i == 0 ? " " : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                    .append(", ?").append(p + 3).append(", cast(nullif(?").append(p + 4).append(", '') as uuid), ?")
                    .append(p + 5).append(", ?").append(p + 6).append(", ?").append(p + 7).append(", ?")
                    .append(p + 8).append(", cast(?").append(p + 9).append(" as uuid[]), nullif(?").append(p + 10)
                    .append(", ''), nullif(?").append(p + 11).append(", ''), nullif(?").append(p + 12)
                    .append(", ''))");
        }
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < rows.size(); i++) {
            AuditRow row = rows.get(i);
            int p = i * INSERT_COLUMNS;
            insert.setParameter(p + 1, row.id())
                    .setParameter(p + 2, row.recordedAt())
                    .setParameter(p + 3, row.actorSubject())
                    .setParameter(p + 4, row.actorOrganization() == null ? "" : row.actorOrganization().toString())
                    .setParameter(p + 5, row.actorRoles())
                    .setParameter(p + 6, row.action())
                    .setParameter(p + 7, row.entityType())
                    .setParameter(p + 8, row.entityId())
                    .setParameter(p + 9, "{" + row.organizationsText() + "}")
                    .setParameter(p + 10, orEmpty(row.beforeDigest()))
                    .setParameter(p + 11, orEmpty(row.afterDigest()))
                    .setParameter(p + 12, orEmpty(row.requestId()));
        }
        // The insert reads nothing the transaction changed: pending entity changes need no flush before it (a native
        // statement otherwise flushes the whole persistence context); they go at the commit.
        insert.setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }

    /** Wakes the sealer once the transaction that recorded has committed (once per transaction). */
    private void sealAfterCommit() {
        if (transactions.getResource(SEAL_KEY) != null) {
            return;
        }
        transactions.putResource(SEAL_KEY, Boolean.TRUE);
        AfterCommit.run(transactions, () -> sealer.get().wake());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Checks the whole chain from the first record and reports the first broken link. */
    public AuditVerification verify() {
        ChainVerifier verifier = new ChainVerifier();
        long after = 0;
        while (true) {
            long from = after;
            List<AuditRow> batch = QuarkusTransaction.joiningExisting().call(() -> rows(
                    "select " + COLUMNS + " from audit_record where seq > ?1 order by seq limit " + VERIFY_BATCH,
                    Map.of(1, from)));
            for (AuditRow row : batch) {
                if (!verifier.accept(row)) {
                    return verifier.result();
                }
                after = row.seq();
            }
            if (batch.size() < VERIFY_BATCH) {
                return verifier.result();
            }
        }
    }

    /**
     * The records an auditor of {@code organization} may read (the organization's own and the public ones),
     * newest first. A record is listed once it is linked into the chain, normally milliseconds after its commit.
     */
    public Page<AuditRow> list(UUID organization, AuditFilter filter, PageParams page) {
        StringBuilder where = new StringBuilder(
                "where seq is not null and (?1 = any(organizations) or cardinality(organizations) = 0)");
        Map<Integer, Object> params = new TreeMap<>();
        params.put(1, organization);
        if (filter.entityType() != null) {
            params.put(params.size() + 1, filter.entityType());
            where.append(" and entity_type = ?").append(params.size());
        }
        if (filter.entityId() != null) {
            params.put(params.size() + 1, filter.entityId());
            where.append(" and entity_id = ?").append(params.size());
        }
        if (filter.from() != null) {
            params.put(params.size() + 1, filter.from());
            where.append(" and recorded_at >= ?").append(params.size());
        }
        if (filter.to() != null) {
            params.put(params.size() + 1, filter.to());
            where.append(" and recorded_at < ?").append(params.size());
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<AuditRow> items = rows("select " + COLUMNS + " from audit_record " + where
                    + " order by seq desc limit " + page.size + " offset " + page.offset(), params);
            return Page.of(items, page, Page.total(page, items.size(), limit -> {
                Query count = em.createNativeQuery(limit == Long.MAX_VALUE
                        ? "select count(*) from audit_record " + where
                        : "select count(*) from (select 1 from audit_record " + where + " limit " + (limit + 1) + ") t");
                params.forEach(count::setParameter);
                return ((Number) count.getSingleResult()).longValue();
            }));
        });
    }

    /** The filters of a list: all optional; {@code from} inclusive, {@code to} exclusive. */
    public record AuditFilter(String entityType, String entityId, Instant from, Instant to) {
    }

    List<AuditRow> rows(String sql, Map<Integer, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> result = query.getResultList();
        List<AuditRow> rows = new ArrayList<>(result.size());
        for (Object[] r : result) {
            long micros = ((Number) r[2]).longValue();
            String orgs = (String) r[9];
            rows.add(new AuditRow(r[0] == null ? 0 : ((Number) r[0]).longValue(), UUID.fromString((String) r[1]),
                    Instant.EPOCH.plus(micros, ChronoUnit.MICROS), (String) r[3],
                    r[4] == null ? null : UUID.fromString((String) r[4]), (String) r[5], (String) r[6],
                    (String) r[7], (String) r[8],
                    orgs == null || orgs.isEmpty() ? List.of()
                            : Arrays.stream(orgs.split(",")).map(UUID::fromString).toList(),
                    (String) r[10], (String) r[11], (String) r[12], (String) r[13], (String) r[14]));
        }
        return rows;
    }

    private AuditActor currentActor() {
        Object bound = transactions.getResource(ACTOR_KEY);
        if (bound instanceof AuditActor actor) {
            return actor;
        }
        if (Arc.container().requestContext().isActive()) {
            Caller c = caller.get();
            if (c != null && !"anonymous".equals(c.subject())) {
                return AuditActor.of(c.subject(), c.organizationId().orElse(null), c.roles());
            }
        }
        return AuditActor.system(serviceName);
    }

    private String currentRequestId() {
        Object bound = transactions.getResource(REQUEST_KEY);
        if (bound instanceof String id) {
            return id;
        }
        Object logged = MDC.get(REQUEST_ID_MDC_KEY);
        return logged == null ? null : logged.toString();
    }
}
