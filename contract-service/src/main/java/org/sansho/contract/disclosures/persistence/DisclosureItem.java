package org.sansho.contract.disclosures.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.disclosures.domain.Evidence;
import org.sansho.contract.disclosures.domain.FactKind;
import org.sansho.contract.disclosures.domain.ReviewDecision;
import org.sansho.contract.disclosures.domain.RowStatus;
import org.sansho.contract.disclosures.domain.TemplateRow;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of a disclosure package: the template item it was made from (copied, so that the package keeps what was
 * answered), the vendor's answer and the hospital's review. Its JSON columns are replaced as a whole, never altered.
 */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "disclosure_item")
public class DisclosureItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "row_key")
    public String rowKey;

    public int position;

    @Column(name = "template_id")
    public String templateId;

    public String ref;

    @Column(name = "text_ja")
    public String textJa;

    @Column(name = "text_en")
    public String textEn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> requirements;

    @Enumerated(EnumType.STRING)
    public FactKind fact;

    @Enumerated(EnumType.STRING)
    public RowStatus status;

    public String statement;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Evidence> evidence;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** The hospital's last review; an answer after it sets the status back to ANSWERED and keeps it to read. */
    @Enumerated(EnumType.STRING)
    @Column(name = "review_decision")
    public ReviewDecision reviewDecision;

    @Column(name = "review_comment")
    public String reviewComment;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** The rows of a contract's package, in template order. */
    public static List<DisclosureItem> of(UUID contractId) {
        return list("contractId = ?1 order by position", contractId);
    }

    public static DisclosureItem open(UUID contractId, int position, TemplateRow row) {
        DisclosureItem i = new DisclosureItem();
        i.id = UUID.randomUUID();
        i.contractId = contractId;
        i.rowKey = row.key();
        i.position = position;
        i.templateId = row.templateId();
        i.ref = row.ref();
        i.textJa = row.textJa();
        i.textEn = row.textEn();
        i.requirements = List.copyOf(row.requirements());
        i.fact = row.fact();
        i.status = RowStatus.OPEN;
        i.evidence = List.of();
        return i;
    }

    public TemplateRow row() {
        return new TemplateRow(rowKey, templateId, ref, textJa, textEn, requirements, fact);
    }
}
