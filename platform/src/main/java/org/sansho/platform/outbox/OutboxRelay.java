package org.sansho.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka. A single relay thread per instance drains the outbox whenever a
 * transaction that wrote to it commits, and polls in between so that rows left by a crashed instance or written
 * while the broker was away are delivered as soon as possible. Across instances, a database advisory lock makes
 * one relay active at a time, which keeps the per-aggregate order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRelayBatch batch;
    private final OutboxConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    public OutboxRelay(OutboxRelayBatch batch, OutboxConfig config) {
        this.batch = batch;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            LOG.warn("The outbox relay is disabled on this instance: events stay in the outbox until a relay runs");
            return;
        }
        running = true;
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        Thread t = thread;
        if (t != null) {
            wakeUps.release();
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the relay to look at the outbox now. Cheap; called after every commit that wrote an event. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                long wait = backoffMillis > 0 ? backoffMillis : config.pollInterval().toMillis();
                wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running) {
                    break;
                }
                drain();
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                backoffMillis = nextBackoff(backoffMillis);
                LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", rootMessage(e), backoffMillis);
            }
        }
    }

    /** Publishes until the outbox holds no unsent row (or another instance holds the relay lock). */
    public void drain() {
        int relayed;
        do {
            relayed = batch.relayOnce();
        } while (relayed >= config.batchSize() && running);
    }

    private long nextBackoff(long previous) {
        long max = config.maxBackoff().toMillis();
        return Math.min(max, previous == 0 ? 200 : previous * 2);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
