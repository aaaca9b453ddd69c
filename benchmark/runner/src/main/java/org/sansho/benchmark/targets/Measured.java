package org.sansho.benchmark.targets;

import java.util.Map;

/** What a run measured, as the targets read it; a figure that was not measured is NaN. */
public interface Measured {

    double requestsPerSecond(String load);

    double p50Millis(String load);

    double p99Millis(String load);

    /** Each process's restart, from process start to health UP, in start order (empty when none was measured). */
    Map<String, Double> restartMillis();

    /** Each process's RSS after the loads. */
    Map<String, Double> rssMegabytes();
}
