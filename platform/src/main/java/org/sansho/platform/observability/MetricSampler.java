package org.sansho.platform.observability;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

/**
 * Samples every {@link SampledMetric} of the service on one schedule. A sample that fails (the database away for a
 * moment) is skipped quietly: the gauge keeps its last value and the next round tries again.
 */
@ApplicationScoped
public class MetricSampler {

    private static final Logger LOG = Logger.getLogger(MetricSampler.class);

    private final Instance<SampledMetric> metrics;

    public MetricSampler(@Any Instance<SampledMetric> metrics) {
        this.metrics = metrics;
    }

    @Scheduled(every = "${sansho.metrics.sample-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sampleAll() {
        for (SampledMetric metric : metrics) {
            sampleQuietly(metric);
        }
    }

    static void sampleQuietly(SampledMetric metric) {
        try {
            metric.sample();
        } catch (RuntimeException e) {
            LOG.debugf("%s not sampled: %s", metric.getClass().getSimpleName(), e.getMessage());
        }
    }
}
