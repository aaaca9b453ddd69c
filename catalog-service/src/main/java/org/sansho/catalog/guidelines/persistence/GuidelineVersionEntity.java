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
import jakarta.persistence.Version;
import org.sansho.catalog.guidelines.domain.VersionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

@Entity
@Table(name = "guideline_version")
public class GuidelineVersionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "guideline_id")
    public String guidelineId;
    public String label;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Enumerated(EnumType.STRING)
    public VersionStatus status;
    @Column(name = "source_title")
    public String sourceTitle;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "notes_ja")
    public String notesJa;
    @Column(name = "notes_en")
    public String notesEn;
    @Column(name = "has_content")
    public boolean hasContent;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<GuidelineVersionEntity> find(String guidelineId, String label) {
        return find("guidelineId = ?1 and label = ?2", guidelineId, label).firstResultOptional();
    }
}
