package org.sansho.assessment.assessments.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentResult;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.assessments.domain.VersionRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Filter(name = Tenancy.FILTER, condition = Tenancy.PARTIES_CONDITION)
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id", nullable = false)
    public UUID contractId;
    @Column(name = "hospital_id", nullable = false)
    public UUID hospitalId;
    @Column(name = "vendor_id", nullable = false)
    public UUID vendorId;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "service_model")
    public String serviceModel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_categories", nullable = false)
    public List<String> dataCategories = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentPhase phase;
    @Column(name = "opening_key", nullable = false)
    public String openingKey;
    @Column(name = "trigger_event_id", nullable = false)
    public String triggerEventId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<VersionRef> baseline = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentStatus status;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    public BigDecimal score;
    @Column(name = "open_mandatory_gaps")
    public Integer openMandatoryGaps;
    @Column(name = "accepted_mandatory_gaps")
    public Integer acceptedMandatoryGaps;
    @Column(name = "open_recommended_gaps")
    public Integer openRecommendedGaps;
    @Column(name = "planned_mandatory_gaps")
    public Integer plannedMandatoryGaps;
    @Column(name = "completed_at")
    public Instant completedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stale_superseded")
    public VersionRef staleSuperseded;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stale_by")
    public VersionRef staleBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stale_changed_keys")
    public List<String> staleChangedKeys;
    @Column(name = "items_attempts", nullable = false)
    public int itemsAttempts;
    @Column(name = "next_items_attempt_at")
    public Instant nextItemsAttemptAt;
    @Column(name = "items_error")
    public String itemsError;
    /** When the assessment last became PENDING_ITEMS after being ITEMS_UNRESOLVED; null: since its creation. */
    @Column(name = "items_pending_since")
    public Instant itemsPendingSince;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public AssessmentResult result() {
        if (verdict == null) {
            return null;
        }
        return new AssessmentResult(verdict, score.doubleValue(), openMandatoryGaps, acceptedMandatoryGaps,
                openRecommendedGaps, plannedMandatoryGaps == null ? 0 : plannedMandatoryGaps);
    }

    public void record(AssessmentResult result) {
        verdict = result.verdict();
        score = BigDecimal.valueOf(result.score());
        openMandatoryGaps = result.openMandatoryGaps();
        acceptedMandatoryGaps = result.acceptedMandatoryGaps();
        openRecommendedGaps = result.openRecommendedGaps();
        plannedMandatoryGaps = result.plannedMandatoryGaps();
    }
}
