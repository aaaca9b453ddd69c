package org.sansho.benchmark.load;

import java.time.Duration;

/**
 * How long a run warms and measures each load: the short form for a quick look, the full form ({@code --full}) for
 * numbers to commit. Every closed load keeps {@link #CONCURRENCY} requests in flight, in either form.
 *
 * @param name "short" or "full", as the report's facts say it
 * @param eventWindow the measurement time of each event-latency rate
 */
public record Form(String name, Duration warmUp, Duration measure, Duration eventWindow) {

    /** Requests in flight in the closed model (twice that at most in the open model of the applicability latency). */
    public static final int CONCURRENCY = 16;

    public static Form of(boolean full) {
        return full ? new Form("full", Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(20))
                : new Form("short", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3));
    }
}
