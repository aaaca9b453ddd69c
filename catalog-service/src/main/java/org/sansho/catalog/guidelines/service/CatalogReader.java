package org.sansho.catalog.guidelines.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.sansho.catalog.guidelines.domain.VersionContent;
import org.sansho.catalog.guidelines.domain.VersionRef;
import org.sansho.catalog.guidelines.persistence.CatalogStore;
import org.sansho.catalog.guidelines.persistence.GuidelineVersionEntity;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.transaction.AfterCommit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves guideline versions. A published or superseded version is immutable, so it is read from the database
 * once and then answered from memory (searches and applicability never hit the database for it). Drafts are
 * read fresh every time. Publishing changes statuses and makes new mappings visible, so it clears the memory
 * after its commit.
 */
@ApplicationScoped
public class CatalogReader {

    private final Map<VersionRef, VersionContent> frozen = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final CatalogStore store;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public CatalogReader(CatalogStore store, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.em = em;
        this.transactions = transactions;
    }

    /** The version, or a 404 problem. */
    public VersionContent version(String guidelineId, String label) {
        return find(guidelineId, label).orElseThrow(() ->
                ProblemException.notFound("Guideline version", guidelineId + " " + label));
    }

    public Optional<VersionContent> find(String guidelineId, String label) {
        VersionRef ref = new VersionRef(guidelineId, label);
        VersionContent cached = frozen.get(ref);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<VersionContent> loaded = QuarkusTransaction.joiningExisting().call(() ->
                GuidelineVersionEntity.find(guidelineId, label).map(store::load));
        loaded.filter(v -> v.info().status().frozen()).ifPresent(v -> frozen.putIfAbsent(ref, v));
        return loaded;
    }

    /** The newest published (or superseded) version of the guideline that holds the key. */
    public Optional<VersionContent> currentHolding(String key) {
        List<?> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("""
                        select v.guideline_id, v.label from requirement r join guideline_version v on v.id = r.version_id
                        where r.key = ?1 and v.status <> 'DRAFT'
                        order by v.published_on desc nulls last, v.id desc limit 1""")
                .setParameter(1, key).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return find((String) row[0], (String) row[1]);
    }

    /** The guideline that holds the key in any version (keys never repeat across guidelines). */
    public Optional<String> guidelineOf(String key) {
        List<?> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select guideline_id from requirement where key = ?1 limit 1")
                .setParameter(1, key).getResultList());
        return rows.stream().map(String.class::cast).findFirst();
    }

    /** Counts the publications this instance has seen: what was built from its memory before is out of date. */
    public long generation() {
        return generation.get();
    }

    /** Drops what memory holds once the current transaction commits. */
    public void forgetAfterCommit() {
        AfterCommit.run(transactions, () -> {
            frozen.clear();
            generation.incrementAndGet();
        });
    }
}
