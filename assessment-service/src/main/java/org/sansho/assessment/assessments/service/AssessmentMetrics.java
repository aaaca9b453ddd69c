package org.sansho.assessment.assessments.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.platform.observability.MetricSampler;
import org.sansho.platform.observability.SampledMetric;
import org.sansho.platform.tenancy.SystemScope;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Assessments by status as a gauge ({@code sansho_assessments{status=…}}), from one grouped count every few seconds
 * ({@link MetricSampler}).
 */
@ApplicationScoped
@SystemScope("assessment-service.metrics")
public class AssessmentMetrics implements SampledMetric {

    private final EntityManager em;
    private final MultiGauge gauge;

    public AssessmentMetrics(EntityManager em, MeterRegistry meters) {
        this.em = em;
        this.gauge = MultiGauge.builder("sansho.assessments").description("Assessments by status").register(meters);
    }

    @Override
    @Transactional
    public void sample() {
        Map<AssessmentStatus, Long> counts = new EnumMap<>(AssessmentStatus.class);
        for (AssessmentStatus s : AssessmentStatus.values()) {
            counts.put(s, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, count(*) from assessment group by status")
                .getResultList();
        for (Object[] r : rows) {
            counts.put(AssessmentStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
        }
        gauge.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey().name()), e.getValue()))
                .toList(), true);
    }
}
