package org.sansho.contract.organizations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.query.NativeQuery;
import org.sansho.contract.organizations.persistence.Organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organizations' registered names as the events of the current transaction describe their parties, read once per
 * transaction: every contract event carries both parties' names, and one transaction often publishes many (a
 * transition and the events it triggers, a bulk import's thousands of contracts of one hospital and a few vendors).
 *
 * <p>The names are held only for the transaction, never across transactions, so whatever instance of the service
 * renamed an organization, the next transaction reads the new names. A rename inside the transaction
 * ({@link OrganizationService#rename}) updates what it holds, so the events after it carry the new names too.
 * Outside a transaction (no events are published there) every call reads the database.
 *
 * <p>The names are read past the tenancy filter: an event describes both sides whoever's request or job publishes it
 * (a vendor moving a contract, the daily reminders). Only the organization table is synchronised, so reading the
 * names flushes nothing else of the transaction.
 */
@ApplicationScoped
public class OrganizationNames {

    private static final String KEY = OrganizationNames.class.getName();

    /** An organization's registered name: Japanese, and English where one was registered (else null). */
    public record Names(String ja, String en) {
    }

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public OrganizationNames(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /**
     * The names of the given organizations, by id; an id the database does not know has no entry. Ids already read
     * in this transaction are not read again; the others are read in one query.
     */
    public Map<UUID, Names> of(UUID... ids) {
        Map<UUID, Names> held = held();
        Map<UUID, Names> names = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            if (id == null) {
                continue;
            }
            Names n = held.get(id);
            if (n != null) {
                names.put(id, n);
            } else if (!missing.contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, Names> read = read(missing);
            held.putAll(read);
            names.putAll(read);
        }
        return names;
    }

    /** Takes note of names the transaction has loaded or changed (a registration, a rename, a loaded party). */
    public void remember(Organization o) {
        held().put(o.id, new Names(o.nameJa, o.nameEn));
    }

    private Map<UUID, Names> read(List<UUID> ids) {
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= ids.size(); i++) {
            in.append(i == 1 ? "?" : ", ?").append(i);
        }
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery("select id, name_ja, name_en from organization where id in ("
                + in + ")").unwrap(NativeQuery.class).addSynchronizedQuerySpace("organization");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        Map<UUID, Names> names = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            names.put((UUID) row[0], new Names((String) row[1], (String) row[2]));
        }
        return names;
    }

    /** What the current transaction holds; a throw-away map outside a transaction. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Names> held() {
        if (transactions.getTransactionKey() == null) {
            return new HashMap<>();
        }
        Map<UUID, Names> held = (Map<UUID, Names>) transactions.getResource(KEY);
        if (held == null) {
            held = new HashMap<>();
            transactions.putResource(KEY, held);
        }
        return held;
    }
}
