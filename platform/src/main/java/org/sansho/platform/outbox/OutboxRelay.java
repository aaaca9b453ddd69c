package org.sansho.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.sansho.platform.background.WakeableLoop;

import java.time.Duration;

/**
 * Moves committed outbox rows to Kafka. A single relay thread per instance drains the outbox whenever a
 * transaction that wrote to it commits, and polls in between so that rows left by a crashed instance or written
 * while the broker was away are delivered as soon as possible; while rounds keep finding rows it looks again after
 * {@code sansho.outbox.busy-poll-interval} instead of the poll interval. One round sends its batch of rows (up to
 * {@code batch-size}) without waiting, then flushes and waits for all their acknowledgements once
 * ({@link OutboxRelayBatch}). Across instances, a database advisory lock makes
 * one relay active at a time, which keeps the per-aggregate order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxConfig config;
    private final WakeableLoop loop;

    public OutboxRelay(OutboxRelayBatch batch, OutboxConfig config) {
        this.config = config;
        this.loop = new WakeableLoop("outbox-relay", config.pollInterval(), config.maxBackoff(), config.batchSize(),
                batch::relayOnce).pollingWhileBusy(config.busyPollInterval());
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            LOG.warn("The outbox relay is disabled on this instance: events stay in the outbox until a relay runs");
            return;
        }
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop(Duration.ofSeconds(10));
    }

    /** Asks the relay to look at the outbox now. Cheap; called after every commit that wrote an event. */
    public void wake() {
        loop.wake();
    }

    /** Publishes until the outbox holds no unsent row (or another instance holds the relay lock). */
    public void drain() {
        loop.drain();
    }
}
