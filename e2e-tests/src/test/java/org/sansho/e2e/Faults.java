package org.sansho.e2e;

import org.sansho.testsupport.ServiceProcess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeded crash plan: SIGKILLs of services at chosen (lifecycle, step) points, each a random few hundred
 * milliseconds after the step begins, followed by a restart in the background so that the lifecycles meet the
 * service down. The same seed gives the same plan ({@code -Dsansho.faults.seed} replays a run).
 */
final class Faults {

    private record Point(int lifecycle, int step) {
    }

    private final Map<Point, List<ServiceProcess>> plan = new HashMap<>();
    private final Map<Point, Long> delays = new HashMap<>();
    private final Map<ServiceProcess, CompletableFuture<Void>> restarts = new HashMap<>();
    private final AtomicInteger kills = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faults");
        t.setDaemon(true);
        return t;
    });

    Faults(long seed, int lifecycles, int killsPerService, List<ServiceProcess> services) {
        Random random = new Random(seed);
        for (ServiceProcess service : services) {
            for (int k = 0; k < killsPerService; k++) {
                Point point = new Point(random.nextInt(lifecycles), random.nextInt(Lifecycle.STEPS.size()));
                plan.computeIfAbsent(point, p -> new ArrayList<>()).add(service);
                delays.put(point, (long) random.nextInt(1500));
            }
        }
    }

    int planned() {
        return plan.values().stream().mapToInt(List::size).sum();
    }

    int killed() {
        return kills.get();
    }

    /** Called by lifecycle {@code lifecycle} before step {@code step}. */
    void at(int lifecycle, int step) {
        Point point = new Point(lifecycle, step);
        List<ServiceProcess> victims = plan.get(point);
        if (victims == null) {
            return;
        }
        for (ServiceProcess victim : victims) {
            synchronized (this) {
                CompletableFuture<Void> previous = restarts.getOrDefault(victim, CompletableFuture.completedFuture(null));
                restarts.put(victim, previous.thenRunAsync(() -> {
                    sleep(delays.get(point));
                    victim.kill();
                    kills.incrementAndGet();
                    System.out.printf("faults: SIGKILL %s (port %d) at lifecycle %d, step %s%n", victim.module(),
                            victim.port(), lifecycle, Lifecycle.STEPS.get(step));
                    victim.startAndAwaitReady();
                }, executor));
            }
        }
    }

    /** Waits until every killed service runs again. */
    void awaitRestarts() {
        List<CompletableFuture<Void>> all;
        synchronized (this) {
            all = new ArrayList<>(restarts.values());
        }
        all.forEach(CompletableFuture::join);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
