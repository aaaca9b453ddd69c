package org.sansho.platform.background;

import org.jboss.logging.Logger;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A single background thread that works through a table of due rows: it runs whenever it is woken (after a
 * commit that left work) and at a fixed interval in between, so that work left by a crashed instance, or while a
 * dependency was away, is picked up too. A round that fails is retried with a doubling back-off.
 *
 * <p>One round calls {@code step} until it does less than a full batch. Every poller of due rows runs on it: the
 * outbox relay, the audit sealer, the assessment-service's items worker. Work that is due at a time of day rather than
 * left by a commit (reminders, deadline watches, metric samples, purges) is a Quarkus {@code @Scheduled} method
 * instead (docs/architecture.md, "Background work"). A round is system work ({@link Tenancy#system}, named after the
 * loop): no request's caller started it.
 */
public final class WakeableLoop {

    private static final Logger LOG = Logger.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final int batchSize;
    private final IntSupplier step;
    private final Duration linger;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Duration busyPollInterval;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param step one batch in its own transaction; returns how many rows it handled (0 when none was due or
     *             another instance holds the work's lock)
     */
    public WakeableLoop(String name, Duration pollInterval, Duration maxBackoff, int batchSize, IntSupplier step) {
        this(name, pollInterval, maxBackoff, batchSize, Duration.ZERO, step);
    }

    /**
     * @param linger how long a woken round waits before it starts, so that the work of commits close together is
     *               done in one batch (for work nobody waits on)
     */
    public WakeableLoop(String name, Duration pollInterval, Duration maxBackoff, int batchSize, Duration linger,
                        IntSupplier step) {
        this.linger = linger;
        this.name = name;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.batchSize = batchSize;
        this.step = step;
    }

    /**
     * Polls at {@code interval} instead of the poll interval after a round that found work, until a round finds
     * none: under load, rows that no wake-up announces (committed by another instance, or left while this one held
     * no lock) wait this long rather than a whole poll interval; an idle loop still polls at its interval.
     */
    public WakeableLoop pollingWhileBusy(Duration interval) {
        this.busyPollInterval = interval;
        return this;
    }

    public void start() {
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops after the round in progress (waiting at most {@code grace} for it). */
    public void stop(Duration grace) {
        running = false;
        Thread t = thread;
        if (t != null) {
            wakeUps.release();
            try {
                t.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks for a round now. Cheap; called after every commit that left work. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** One round on the caller's thread: steps until less than a full batch was due. */
    public void drain() {
        round();
    }

    /** @return how many rows the round handled */
    private int round() {
        int[] total = new int[1];
        Tenancy.system(name, () -> {
            int handled;
            do {
                handled = step.getAsInt();
                total[0] += handled;
            } while (handled >= batchSize && running);
        });
        return total[0];
    }

    private void loop() {
        long backoffMillis = 0;
        boolean busy = false;
        while (running) {
            try {
                Duration whileBusy = busyPollInterval;
                long wait = backoffMillis > 0 ? backoffMillis
                        : busy && whileBusy != null ? whileBusy.toMillis() : pollInterval.toMillis();
                if (wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS) && !linger.isZero()) {
                    Thread.sleep(linger.toMillis());
                }
                wakeUps.drainPermits();
                if (!running) {
                    break;
                }
                busy = round() > 0;
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(maxBackoff.toMillis(), backoffMillis == 0 ? 200 : backoffMillis * 2);
                LOG.warnf("%s: a round failed (%s); retrying in %d ms", name, rootMessage(e), backoffMillis);
            }
        }
    }

    /** The innermost cause of a failure, as a log line names it ({@code SimpleName: message}). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
