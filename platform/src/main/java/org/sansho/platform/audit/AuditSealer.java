package org.sansho.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.sansho.platform.background.WakeableLoop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Links committed audit records into the chain. {@link AuditTrail#record} inserts a record unlinked in the
 * change's own transaction; after the commit this sealer gives the waiting records, oldest first, the next
 * {@code seq} numbers in the order they were written, each its {@code prev_hash} and its {@code hash}, in one transaction per batch under the
 * chain's advisory lock, so that one sealer of all the service's instances works at a time and the chain neither
 * forks nor has gaps. Writers therefore never wait for each other's commits; what they leave unsealed after a
 * crash is sealed by the next round of any instance (it polls every second besides being woken).
 */
@ApplicationScoped
public class AuditSealer {

    static final int BATCH = 500;
    static final Duration LINGER = Duration.ofMillis(25);
    private static final int ROWS_PER_STATEMENT = 100;

    private final EntityManager em;
    private final AuditTrail trail;
    private final WakeableLoop loop;

    public AuditSealer(EntityManager em, AuditTrail trail) {
        this.em = em;
        this.trail = trail;
        // Nobody waits on a seal: a woken round lingers a little, so that the records of commits close together
        // are sealed in one transaction rather than one each.
        this.loop = new WakeableLoop("audit-sealer", Duration.ofSeconds(1), Duration.ofSeconds(5), BATCH,
                LINGER, this::sealOnce);
    }

    void start(@Observes StartupEvent ignored) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop(Duration.ofSeconds(10));
    }

    /** Asks for a round now; called after every commit that recorded. */
    public void wake() {
        loop.wake();
    }

    /** Seals every record committed so far, on the caller's thread. */
    public void drain() {
        loop.drain();
    }

    /** @return how many records were sealed */
    int sealOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)").setParameter(1, AuditTrail.CHAIN_LOCK)
                    .getSingleResult();
            List<AuditRow> unsealed = trail.rows("select " + AuditTrail.COLUMNS
                    + " from audit_record where seq is null order by entry_no limit " + BATCH, Map.of());
            if (unsealed.isEmpty()) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> head = em.createNativeQuery(
                    "select seq, hash from audit_record where seq is not null order by seq desc limit 1")
                    .getResultList();
            long seq = head.isEmpty() ? 0 : ((Number) head.get(0)[0]).longValue();
            String previous = head.isEmpty() ? AuditRow.GENESIS : (String) head.get(0)[1];
            List<AuditRow> sealed = new ArrayList<>(unsealed.size());
            for (AuditRow row : unsealed) {
                AuditRow linked = row.linkedAs(++seq, previous);
                sealed.add(linked);
                previous = linked.hash();
            }
            for (int from = 0; from < sealed.size(); from += ROWS_PER_STATEMENT) {
                seal(sealed.subList(from, Math.min(sealed.size(), from + ROWS_PER_STATEMENT)));
            }
            return sealed.size();
        });
    }

    /** One statement for a run of records; every one of them must still be unsealed. */
    private void seal(List<AuditRow> rows) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 4;
            values.append(i == 0 ? "" : ", ").append("(cast(?").append(p + 1).append(" as uuid), cast(?")
                    .append(p + 2).append(" as bigint), cast(?").append(p + 3).append(" as varchar), cast(?")
                    .append(p + 4).append(" as varchar))");
        }
        Query update = em.createNativeQuery("update audit_record a set seq = v.seq, prev_hash = v.prev_hash, "
                + "hash = v.hash from (values " + values + ") as v(id, seq, prev_hash, hash) "
                + "where a.id = v.id and a.seq is null");
        for (int i = 0; i < rows.size(); i++) {
            AuditRow row = rows.get(i);
            update.setParameter(i * 4 + 1, row.id().toString());
            update.setParameter(i * 4 + 2, row.seq());
            update.setParameter(i * 4 + 3, row.prevHash());
            update.setParameter(i * 4 + 4, row.hash());
        }
        int updated = update.executeUpdate();
        if (updated != rows.size()) {
            throw new IllegalStateException("sealed " + updated + " of " + rows.size() + " audit records");
        }
    }
}
