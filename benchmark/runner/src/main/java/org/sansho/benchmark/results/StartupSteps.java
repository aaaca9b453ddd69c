package org.sansho.benchmark.results;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a Quarkus start's time went: Quarkus' own start ("started in …") and the runtime steps it is made of, as a
 * service prints them when started with {@link #OPTION} (one line per step: "Build step X completed in: N ms"; the
 * steps are the runtime halves of the extensions' build steps, such as Flyway's migration or the start-up event's
 * observers). What the JVM does before Quarkus' start is the restart's time less Quarkus' own.
 *
 * @param quarkusMillis Quarkus' "started in", or empty when the log had none
 * @param stepMillis every step's time, the longest first (a step that runs more than once is summed)
 */
public record StartupSteps(OptionalDouble quarkusMillis, Map<String, Long> stepMillis) {

    /** Makes a Quarkus application print its start-up steps' times (a few lines; the steps themselves run as ever). */
    public static final String OPTION = "-Dquarkus.debug.print-startup-times=true";

    private static final Pattern STEP = Pattern.compile("Build step (\\S+) completed in: (\\d+) ?ms");
    private static final Pattern STARTED = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s");

    /** Reads the lines of one start; the log may hold more than the start (only the last "started in" counts). */
    public static StartupSteps parse(String log) {
        Map<String, Long> steps = new LinkedHashMap<>();
        Matcher step = STEP.matcher(log);
        while (step.find()) {
            steps.merge(step.group(1), Long.parseLong(step.group(2)), Long::sum);
        }
        OptionalDouble started = OptionalDouble.empty();
        Matcher s = STARTED.matcher(log);
        while (s.find()) {
            started = OptionalDouble.of(Double.parseDouble(s.group(1)) * 1000);
        }
        Map<String, Long> longestFirst = steps.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new StartupSteps(started, longestFirst);
    }

    /** Whether the log held a finished start. */
    public boolean complete() {
        return quarkusMillis.isPresent();
    }

    /** The {@code n} longest steps, longest first. */
    public Map<String, Long> longest(int n) {
        return stepMillis.entrySet().stream().limit(n)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** "A 511, B 272 …": the {@code n} longest steps with their ms, longest first. */
    public String longestList(int n) {
        return longest(n).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** "Quarkus 1889 ms; its longest steps (ms): A 511, B 272 …", for a progress line. */
    public String summary(int n) {
        if (!complete()) {
            return "no Quarkus start found in the log";
        }
        if (stepMillis.isEmpty()) {
            return String.format(Locale.ROOT, "Quarkus %.0f ms (no steps printed)", quarkusMillis.getAsDouble());
        }
        return String.format(Locale.ROOT, "Quarkus %.0f ms; its longest steps (ms): %s", quarkusMillis.getAsDouble(),
                longestList(n));
    }
}
