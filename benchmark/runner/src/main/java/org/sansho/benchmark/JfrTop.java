package org.sansho.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a service spends its CPU, from a JFR recording of the benchmark ({@code --jfr}): the methods most often on
 * top of the sampled stacks, the first frame of our own code ({@code org.sansho}) under each sample, and the
 * threads sampled.
 *
 * <p>A recording covers the start and every load. {@code --during METHOD} narrows it to one load: the samples of
 * every thread from the first to the last sample with {@code METHOD} on its stack (a resource method, say
 * {@code ApplicabilityResource.checklist}), so the I/O threads' share of that load is counted too.
 *
 * <pre>java -cp benchmark/runner/target/sansho-benchmark.jar org.sansho.benchmark.JfrTop FILE.jfr [N] [--during METHOD]</pre>
 */
public final class JfrTop {

    /** One execution sample: when, on which thread, and its frames from the top of the stack down. */
    record Sample(Instant time, String thread, List<String> frames) {

        boolean has(String method) {
            return frames.stream().anyMatch(f -> f.contains(method));
        }
    }

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: JfrTop FILE.jfr [N] [--during METHOD]");
            System.exit(2);
        }
        int n = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 25;
        int during = List.of(args).indexOf("--during");
        List<Sample> samples = samples(Path.of(args[0]));
        if (during > 0 && during + 1 < args.length) {
            samples = during(samples, args[during + 1]);
            System.out.printf("During %s: ", args[during + 1]);
        }
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        for (Sample s : samples) {
            top.merge(s.frames().get(0), 1, Integer::sum);
            s.frames().stream().filter(f -> f.startsWith("org.sansho")).findFirst()
                    .ifPresent(f -> ours.merge(f, 1, Integer::sum));
            threads.merge(s.thread().replaceAll("\\d+", "N"), 1, Integer::sum);
        }
        System.out.printf("%d execution samples%n%nTop of stack:%n", samples.size());
        print(top, samples.size(), n);
        System.out.printf("%nFirst org.sansho frame:%n");
        print(ours, samples.size(), n);
        System.out.printf("%nThreads:%n");
        print(threads, samples.size(), n);
    }

    /** The samples from the first to the last one with {@code method} on its stack, of every thread. */
    static List<Sample> during(List<Sample> samples, String method) {
        Instant first = null;
        Instant last = null;
        for (Sample s : samples) {
            if (s.has(method)) {
                first = first == null || s.time().isBefore(first) ? s.time() : first;
                last = last == null || s.time().isAfter(last) ? s.time() : last;
            }
        }
        if (first == null) {
            return List.of();
        }
        Instant from = first;
        Instant to = last;
        return samples.stream().filter(s -> !s.time().isBefore(from) && !s.time().isAfter(to)).toList();
    }

    private static List<Sample> samples(Path recording) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            samples.add(new Sample(e.getStartTime(), thread == null ? "?" : thread,
                    stack.getFrames().stream().map(JfrTop::name).toList()));
        }
        return samples;
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int total, int n) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.printf("  %5.1f %%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
                        e.getValue(), e.getKey()));
    }
}
