package org.sansho.benchmark.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of the event path capacity stage: an open-model rate of transitions held for a while, what each stage
 * of the path did meanwhile (events a second), and the assessment-service consumer's lag over time.
 *
 * @param rate              the transitions a second asked for
 * @param seconds           how long the step's load lasted (from its first call to its last response)
 * @param accepted          transitions the contract-service accepted (HTTP 200)
 * @param stageCounts       per stage of the path, how many events it handled during the step, in path order
 * @param lagSamples        the consumer lag (contract facts committed and not yet consumed by the
 *                          assessment-service), sampled during the step and after it, one every
 *                          {@link #SAMPLE_MILLIS} ms
 * @param relaySamples      the contract-service relay's backlog (facts committed, not yet sent), sampled with the lag
 * @param drainMillis       from the step's end until the lag was zero; negative when it was not zero within the time
 *                          waited
 */
public record CapacityStep(double rate, double seconds, long accepted, Map<String, Long> stageCounts,
                           List<Long> lagSamples, List<Long> relaySamples, long drainMillis) {

    /** How often the lag is sampled. */
    public static final long SAMPLE_MILLIS = 500;
    /** The lag must be back to zero this soon after the step's last transition was answered. */
    public static final long DRAIN_LIMIT_MILLIS = 5_000;
    /** The share of the asked rate the contract-service must have accepted for the step to count as sustained. */
    public static final double ACCEPTED_SHARE = 0.95;

    public CapacityStep {
        stageCounts = new LinkedHashMap<>(stageCounts);
        lagSamples = List.copyOf(lagSamples);
        relaySamples = List.copyOf(relaySamples);
    }

    /** Transitions accepted a second over the step. */
    public double acceptedPerSecond() {
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    /** Events a second each stage handled over the step (its capacity where it fell behind the rate). */
    public Map<String, Double> stageRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        stageCounts.forEach((stage, n) -> rates.put(stage, seconds <= 0 ? 0 : n / seconds));
        return rates;
    }

    public boolean drained() {
        return drainMillis >= 0 && drainMillis <= DRAIN_LIMIT_MILLIS;
    }

    /** The path kept up: nearly every asked transition accepted, and the consumer's lag back to zero in time. */
    public boolean sustained() {
        return drained() && acceptedPerSecond() >= ACCEPTED_SHARE * rate;
    }

    public long maxLag() {
        return lagSamples.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    public long maxRelayBacklog() {
        return relaySamples.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The stage that handled the fewest events a second during the step (the slowest), or null. */
    public String slowestStage() {
        return stageRates().entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * The sustained transitions a second of a run of steps in rising order: the accepted rate of the last step
     * that was sustained, with every step below it sustained as well; 0 when the first was not.
     */
    public static double sustainedRate(List<CapacityStep> steps) {
        double sustained = 0;
        for (CapacityStep step : steps) {
            if (!step.sustained()) {
                break;
            }
            sustained = step.acceptedPerSecond();
        }
        return sustained;
    }

    /** The lag series as the report shows it: every second's sample. */
    public String lagSeries() {
        return everySecond(lagSamples);
    }

    /** The relay's backlog, every second's sample. */
    public String relaySeries() {
        return everySecond(relaySamples);
    }

    private static String everySecond(List<Long> samples) {
        StringBuilder b = new StringBuilder();
        int every = (int) Math.max(1, 1000 / SAMPLE_MILLIS);
        for (int i = 0; i < samples.size(); i += every) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(samples.get(i));
        }
        return b.toString();
    }
}
