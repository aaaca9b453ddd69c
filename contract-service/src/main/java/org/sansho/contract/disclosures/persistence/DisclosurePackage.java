package org.sansho.contract.disclosures.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Filter;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * The disclosure package of one contract (2省GL §3.2.1, vendor guideline §4.1 表4-1); its rows are
 * {@link DisclosureItem}s. Every answer or review updates it, so that its version orders the changes of one package.
 *
 * <p>Tenancy: seen with its contract ({@link Contract#OF_VISIBLE_CONTRACT}).
 */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "disclosure_package")
public class DisclosurePackage extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public UUID contractId;

    /** The vendor's earlier package whose answers this one started from, or null. */
    @Column(name = "copied_from")
    public UUID copiedFrom;

    @Column(name = "shared_understanding")
    public boolean sharedUnderstanding;

    @Column(name = "shared_understanding_at")
    public Instant sharedUnderstandingAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Whether the contract's package holds a shared understanding, read for a transition guard. The row is read with
     * a share lock: an answer that reopens a row (and so updates the package) waits for the transition, or the
     * transition waits for the answer and reads its outcome; the guard never decides on a value being changed.
     */
    public static boolean sharedUnderstandingOf(UUID contractId) {
        DisclosurePackage p = getEntityManager().find(DisclosurePackage.class, contractId,
                LockModeType.PESSIMISTIC_READ);
        return p != null && p.sharedUnderstanding;
    }
}
