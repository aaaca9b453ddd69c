package org.sansho.contract.contracts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.sansho.contract.contracts.domain.AssessmentOutcome;
import org.sansho.contract.contracts.domain.Verdict;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Read model: the latest assessment result of a contract per phase (written by the assessment consumer). */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "assessment_result")
public class AssessmentResultRow extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "contract_id") UUID contractId, @Column(name = "phase") String phase)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    public BigDecimal score;

    @Column(name = "open_mandatory_gaps")
    public int openMandatoryGaps;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "event_time")
    public Instant eventTime;

    @Column(name = "event_id")
    public String eventId;

    public AssessmentOutcome outcome() {
        return new AssessmentOutcome(verdict, openMandatoryGaps, completedAt);
    }
}
