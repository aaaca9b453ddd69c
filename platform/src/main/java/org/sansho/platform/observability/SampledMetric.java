package org.sansho.platform.observability;

/**
 * A gauge kept from a query rather than computed per scrape: {@link MetricSampler} calls every such bean every few
 * seconds ({@code sansho.metrics.sample-interval}), so a scrape never touches the database.
 */
public interface SampledMetric {

    /** Reads the current value(s) and sets the gauge(s); a failure leaves the last values in place. */
    void sample();
}
