package org.sansho.benchmark.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a load's processor time goes: the CPU time each process of the run (the services, the ceiling app, the
 * Kafka broker, PostgreSQL's server processes and the runner with its load generator) used during a measurement,
 * per request. A platform team sizes from this, and a missed target shows which process to profile: what a request
 * costs beside its own service (the relays, the consumers, the database) is work on the same two cores.
 */
public final class CpuMeter {

    /** The processes' CPU time at one moment, by role. */
    public record Snapshot(long nanoTime, Map<String, Duration> cpu) {
    }

    /** What a measurement used: CPU milliseconds per request by role, and the share of the machine it kept busy. */
    public record Usage(Map<String, Double> millisPerRequest, double busyCores, int cores) {
    }

    private final Supplier<Map<String, ProcessHandle>> services;

    /** {@code services}: the running service processes by name, asked again at each snapshot (restarts). */
    public CpuMeter(Supplier<Map<String, ProcessHandle>> services) {
        this.services = services;
    }

    public Snapshot snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        Map<Long, String> roles = new LinkedHashMap<>();
        services.get().forEach((name, handle) -> roles.put(handle.pid(), name));
        roles.put(ProcessHandle.current().pid(), "runner");
        ProcessHandle.allProcesses().forEach(p -> {
            String role = roles.get(p.pid());
            ProcessHandle.Info info = p.info();
            if (role == null) {
                role = role(info);
            }
            if (role == null) {
                return;
            }
            Optional<Duration> used = info.totalCpuDuration();
            if (used.isPresent()) {
                cpu.merge(role, used.get(), Duration::plus);
            }
        });
        return new Snapshot(System.nanoTime(), cpu);
    }

    /** The broker and the database are recognised by their command; everything else on the machine is not ours. */
    private static String role(ProcessHandle.Info info) {
        String command = info.command().orElse("");
        if (command.endsWith("/postgres")) {
            return "postgres";
        }
        String[] arguments = info.arguments().orElse(new String[0]);
        for (String a : arguments) {
            if (a.equals("kafka.Kafka")) {
                return "kafka";
            }
        }
        return null;
    }

    public static Usage between(Snapshot before, Snapshot after, long requests) {
        Tally tally = new Tally();
        tally.add(before, after, requests);
        return tally.usage();
    }

    /** The CPU time of one load summed over several spans (a load measured in turns with another). */
    public static final class Tally {
        private final Map<String, Double> millis = new LinkedHashMap<>();
        private double seconds;
        private long requests;

        public void add(Snapshot before, Snapshot after, long requests) {
            for (var e : after.cpu().entrySet()) {
                Duration was = before.cpu().getOrDefault(e.getKey(), Duration.ZERO);
                // a process that started in between (a PostgreSQL backend) counts from zero
                millis.merge(e.getKey(), Math.max(0, e.getValue().minus(was).toNanos() / 1e6), Double::sum);
            }
            seconds += (after.nanoTime() - before.nanoTime()) / 1e9;
            this.requests += requests;
        }

        public Usage usage() {
            Map<String, Double> perRequest = new LinkedHashMap<>();
            double total = 0;
            for (var e : millis.entrySet()) {
                total += e.getValue();
                perRequest.put(e.getKey(), requests == 0 ? Double.NaN : e.getValue() / requests);
            }
            return new Usage(perRequest, total / 1000 / seconds, Runtime.getRuntime().availableProcessors());
        }
    }
}
