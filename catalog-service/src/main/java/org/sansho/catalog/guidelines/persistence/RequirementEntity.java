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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.catalog.guidelines.domain.Category;
import org.sansho.catalog.guidelines.domain.Obligation;
import org.sansho.catalog.guidelines.domain.Party;
import org.sansho.catalog.guidelines.domain.RequirementStatus;
import org.sansho.catalog.guidelines.domain.Verification;

/** Enum lists (phases, service models, data categories) are stored comma-separated: short, closed vocabularies. */
@Entity
@Table(name = "requirement")
public class RequirementEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "version_id")
    public Long versionId;
    @Column(name = "section_id")
    public Long sectionId;
    public String key;
    @Column(name = "guideline_id")
    public String guidelineId;
    public String ref;
    @Column(name = "title_ja")
    public String titleJa;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "summary_ja")
    public String summaryJa;
    @Column(name = "summary_en")
    public String summaryEn;
    @Enumerated(EnumType.STRING)
    public Obligation obligation;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String phases;
    @Enumerated(EnumType.STRING)
    public Party party;
    @Column(name = "service_models")
    public String serviceModels;
    @Column(name = "data_categories")
    public String dataCategories;
    /** JSON array of {ja, en}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String evidence;
    /** JSON array of guidance references ({ref, document, page, url, note}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String guidance;
    @Column(name = "citation_document")
    public String citationDocument;
    @Column(name = "citation_version")
    public String citationVersion;
    @Column(name = "citation_section")
    public String citationSection;
    @Column(name = "citation_page")
    public Integer citationPage;
    @Column(name = "citation_url")
    public String citationUrl;
    @Enumerated(EnumType.STRING)
    public Verification verification;
    @Column(name = "unverified_reason")
    public String unverifiedReason;
    @Enumerated(EnumType.STRING)
    public RequirementStatus status;
    public int position;
}
