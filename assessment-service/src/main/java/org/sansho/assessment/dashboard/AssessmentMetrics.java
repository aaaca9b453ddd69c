package org.sansho.assessment.dashboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.platform.tenancy.SystemScope;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Assessments by status as a gauge ({@code sansho_assessments{status=…}}), from one grouped count every few seconds. */
@ApplicationScoped
@SystemScope("assessment-service.metrics")
public class AssessmentMetrics {

    private static final Logger LOG = Logger.getLogger(AssessmentMetrics.class);

    private final EntityManager em;
    private final MultiGauge gauge;

    public AssessmentMetrics(EntityManager em, MeterRegistry meters) {
        this.em = em;
        this.gauge = MultiGauge.builder("sansho.assessments").description("Assessments by status").register(meters);
    }

    @Scheduled(every = "${sansho.metrics.sample-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            LOG.debugf("Assessments by status not sampled: %s", e.getMessage());
        }
    }

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
