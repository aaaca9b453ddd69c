package org.sansho.contract.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.query.NativeQuery;
import org.sansho.contract.contracts.domain.VersionRef;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guideline versions the catalog holds as published, learned from catalog.events (published, superseded, revised)
 * and from the catalog's guideline list read at start-up ({@link PublishedVersionsLoader}): a contract's baseline may
 * only name versions found here as PUBLISHED with requirements, so that its assessments have something to assess.
 * Checking a baseline reads this table, never the catalog.
 *
 * <p>What a transaction read of a version is kept for the rest of that transaction (a bulk import checks the same
 * baseline on thousands of rows), and forgotten when the transaction records a change of the version; the next
 * transaction reads the table again. The reads are synchronised with this table only, so they flush nothing else of
 * the transaction.
 */
@ApplicationScoped
public class PublishedVersions {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String SUPERSEDED = "SUPERSEDED";

    /** Why one baseline entry is refused. */
    public record Refusal(int index, VersionRef entry, String reason) {
    }

    private static final String TABLE = "published_guideline_version";
    private static final String READ_KEY = PublishedVersions.class.getName() + ".read";

    private final EntityManager em;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;

    public PublishedVersions(EntityManager em, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Every entry of {@code baseline} that is not a published version with requirements, with the reason. */
    public List<Refusal> refusals(List<VersionRef> baseline) {
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < baseline.size(); i++) {
            VersionRef ref = baseline.get(i);
            Object[] row = row(ref);
            String reason = null;
            if (row == null) {
                boolean guidelineKnown = ((Number) em.createNativeQuery(
                                "select count(*) from published_guideline_version where guideline_id = ?1")
                        .unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE)
                        .setParameter(1, ref.guidelineId()).getSingleResult()).longValue() > 0;
                reason = guidelineKnown ? "the catalog has no published version " + ref.version() + " of guideline "
                        + ref.guidelineId() : "the catalog has no published guideline " + ref.guidelineId();
            } else if (!PUBLISHED.equals(row[0])) {
                reason = ref.guidelineId() + " " + ref.version() + " is " + row[0] + " in the catalog, not PUBLISHED";
            } else if (!Boolean.TRUE.equals(row[1])) {
                reason = ref.guidelineId() + " " + ref.version() + " holds no requirements in the catalog";
            }
            if (reason != null) {
                refused.add(new Refusal(i, ref, reason));
            }
        }
        return refused;
    }

    /** The content known of a version, or null. */
    public PublishedVersionContent content(VersionRef ref) {
        Object[] row = row(ref);
        return row == null ? null : new PublishedVersionContent(row[2] == null ? null : ((Number) row[2]).intValue(),
                Boolean.TRUE.equals(row[1]));
    }

    /** Records what the catalog says of a version (an event or its guideline list). */
    public void record(VersionRef ref, String status, PublishedVersionContent content) {
        read().remove(ref);
        em.createNativeQuery("""
                        insert into published_guideline_version (guideline_id, version, status, has_content,
                            requirement_count, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (guideline_id, version) do update set status = excluded.status,
                            has_content = excluded.has_content,
                            requirement_count = coalesce(excluded.requirement_count,
                                published_guideline_version.requirement_count),
                            updated_at = excluded.updated_at""")
                .setParameter(1, ref.guidelineId()).setParameter(2, ref.version()).setParameter(3, status)
                .setParameter(4, content.hasContent()).setParameter(5, content.requirementCount())
                .setParameter(6, clock.instant())
                .executeUpdate();
    }

    /** A version is superseded; its content stays as known (or unknown, until the catalog's list says). */
    public void superseded(VersionRef ref) {
        read().remove(ref);
        int updated = em.createNativeQuery("""
                        update published_guideline_version set status = ?3, updated_at = ?4
                        where guideline_id = ?1 and version = ?2""")
                .setParameter(1, ref.guidelineId()).setParameter(2, ref.version()).setParameter(3, SUPERSEDED)
                .setParameter(4, clock.instant()).executeUpdate();
        if (updated == 0) {
            record(ref, SUPERSEDED, new PublishedVersionContent(null, false));
        }
    }

    private Object[] row(VersionRef ref) {
        Map<VersionRef, Optional<Object[]>> read = read();
        Optional<Object[]> known = read.get(ref);
        if (known == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select status, has_content, requirement_count from published_guideline_version
                            where guideline_id = ?1 and version = ?2""")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE)
                    .setParameter(1, ref.guidelineId()).setParameter(2, ref.version()).getResultList();
            known = rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
            read.put(ref, known);
        }
        return known.orElse(null);
    }

    /** The versions the current transaction has read; a throw-away map outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<VersionRef, Optional<Object[]>> read() {
        if (transactions.getTransactionKey() == null) {
            return new HashMap<>();
        }
        Map<VersionRef, Optional<Object[]>> read = (Map<VersionRef, Optional<Object[]>>) transactions
                .getResource(READ_KEY);
        if (read == null) {
            read = new HashMap<>();
            transactions.putResource(READ_KEY, read);
        }
        return read;
    }
}
