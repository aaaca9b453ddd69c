package org.sansho.catalog.guidelines.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.Verification;

@Entity
@Table(name = "disclosure_template_item")
public class DisclosureTemplateItemEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "template_id")
    public String templateId;
    public int position;
    public String ref;
    @Column(name = "text_ja")
    public String textJa;
    @Column(name = "text_en")
    public String textEn;
    @Enumerated(EnumType.STRING)
    public Party party;
    @Enumerated(EnumType.STRING)
    public Verification verification;
    /** The page the item was checked on, when not the template's own source page. */
    public Integer page;
    /** Comma-separated requirement keys this item evidences. */
    @Column(name = "requirement_keys")
    public String requirementKeys;
}
