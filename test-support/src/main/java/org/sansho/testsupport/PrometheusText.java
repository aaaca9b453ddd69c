package org.sansho.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code /q/metrics} page (Prometheus text format) read the one way the tests read it: the samples of
 * a metric whose labels include the given ones, summed. A sample line is {@code name{labels} value}, optionally
 * followed by an exemplar ({@code # {trace_id="…"} 1.0 …}) that is not part of the value.
 */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private PrometheusText(String text) {
        this.text = text;
    }

    public static PrometheusText of(String text) {
        return new PrometheusText(text);
    }

    /** The sum of the samples of {@code name} carrying all of {@code labels}; empty when there is none. */
    public OptionalDouble sum(String name, Map<String, String> labels) {
        Matcher m = SAMPLE.matcher(text);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1).equals(name) && labelsOf(m.group(3)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(m.group(4));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /** The sum of all samples of {@code name}; empty when there is none. */
    public OptionalDouble sum(String name) {
        return sum(name, Map.of());
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> map = new HashMap<>();
        if (labels != null) {
            Matcher m = LABEL.matcher(labels);
            while (m.find()) {
                map.put(m.group(1), m.group(2));
            }
        }
        return map;
    }
}
