package org.sansho.catalog.guidelines.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sansho.catalog.guidelines.domain.TemplateKind;

@Entity
@Table(name = "disclosure_template")
public class DisclosureTemplateEntity extends PanacheEntityBase {
    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public TemplateKind kind;
    @Column(name = "title_ja")
    public String titleJa;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "source_document")
    public String sourceDocument;
    @Column(name = "source_version")
    public String sourceVersion;
    @Column(name = "source_section")
    public String sourceSection;
    @Column(name = "source_page")
    public Integer sourcePage;
}
