package org.sansho.benchmark.targets;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets table of a run: each target judged met or not met from the measured numbers, with the ratio behind it.
 * {@link SuiteTargets} adds the suite's own; a stage may add rows of its own ({@code Stage.judge}).
 */
public final class Targets {

    /** One judged target. {@code ratio} is measured / reference (NaN where there is no reference). */
    public record Target(String name, String rule, double measured, double reference, double ratio, boolean met) {
    }

    private final List<Target> targets = new ArrayList<>();

    /** measured ≥ share × reference (throughput against a ceiling). */
    public Target atLeastShare(String name, double measured, double reference, double share, String referenceName) {
        double ratio = measured / reference;
        return add(new Target(name, String.format("≥ %.0f %% of %s", share * 100, referenceName), measured, reference,
                ratio, !Double.isNaN(ratio) && ratio >= share));
    }

    /** measured ≥ limit (absolute, e.g. a throughput that must be sustained). */
    public Target atLeast(String name, double measured, double limit, String unit) {
        return add(new Target(name, String.format("≥ %s %s", trim(limit), unit), measured, limit, measured / limit,
                !Double.isNaN(measured) && measured >= limit));
    }

    /** measured ≤ limit (absolute). */
    public Target atMost(String name, double measured, double limit, String unit) {
        return add(new Target(name, String.format("≤ %s %s", trim(limit), unit), measured, limit, measured / limit,
                !Double.isNaN(measured) && measured <= limit));
    }

    /** measured ≤ factor × reference (a latency against a baseline latency). */
    public Target atMostTimes(String name, double measured, double reference, double factor, String referenceName) {
        double ratio = measured / reference;
        return add(new Target(name, String.format("≤ %s × %s", trim(factor), referenceName), measured, reference,
                ratio, !Double.isNaN(ratio) && ratio <= factor));
    }

    public List<Target> all() {
        return List.copyOf(targets);
    }

    private Target add(Target t) {
        targets.add(t);
        return t;
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
