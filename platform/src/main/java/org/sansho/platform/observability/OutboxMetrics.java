package org.sansho.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox lag as gauges: how many committed events the relay has not sent yet, and how old the oldest of them is.
 * Sampled by one cheap query (on the partial index of unsent rows) every few seconds ({@link MetricSampler}), never
 * per scrape.
 */
@ApplicationScoped
public class OutboxMetrics implements SampledMetric {

    private final EntityManager em;
    private final AtomicLong unsent = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    public OutboxMetrics(EntityManager em, MeterRegistry meters) {
        this.em = em;
        Gauge.builder("sansho.outbox.unsent", unsent, AtomicLong::get)
                .description("Committed outbox events not yet sent to Kafka").register(meters);
        Gauge.builder("sansho.outbox.oldest.unsent.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .description("Age of the oldest unsent outbox event (0 when none waits)").baseUnit("seconds")
                .register(meters);
    }

    void sampleAtStart(@Observes StartupEvent ignored) {
        MetricSampler.sampleQuietly(this);
    }

    @Override
    @Transactional
    public void sample() {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(extract(epoch from (now() - min("timestamp"))) * 1000, 0)
                        from outbox_event where sent_at is null""")
                .getSingleResult();
        unsent.set(((Number) row[0]).longValue());
        oldestAgeMillis.set(Math.max(0, ((Number) row[1]).longValue()));
    }
}
