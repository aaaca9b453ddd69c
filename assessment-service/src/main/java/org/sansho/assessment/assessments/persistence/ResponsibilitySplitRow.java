package org.sansho.assessment.assessments.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A contract's responsibility split as the contract-service last published it (contract.responsibility-split-changed):
 * the assigned checklist items with their side and the requirement keys they evidence. Seen from the contract's
 * hospital and vendor like the contract itself.
 */
@Filter(name = Tenancy.FILTER, condition = Tenancy.PARTIES_CONDITION)
@Entity
@Table(name = "contract_responsibility_split")
public class ResponsibilitySplitRow extends PanacheEntityBase {

    @Id
    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;

    @Column(name = "vendor_id", nullable = false)
    public UUID vendorId;

    @Column(name = "template_id", nullable = false)
    public String templateId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Item> items = new ArrayList<>();

    @Column(nullable = false)
    public boolean acknowledged;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** One assigned checklist item: its key, side (HOSPITAL, VENDOR or SHARED) and requirement keys. */
    public record Item(String key, String party, List<String> requirements) {
        public Item {
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }
    }
}
