package org.sansho.webhook.deliveries.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;
import org.sansho.platform.background.WakeableLoop;
import org.sansho.webhook.WebhookConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the due deliveries. One loop per instance claims what is due (woken after every commit that planned a
 * delivery, and polling in between for retries, expired leases and other instances' leftovers) and hands each claim
 * to a bounded pool of senders; it claims no more than there are free senders. Each attempt is bounded in time, each
 * endpoint in concurrency ({@link DeliveryLedger#claim}), so a slow or dead endpoint delays neither other subscribers
 * nor anything else of the suite. Several instances may run: claims are row locks with {@code skip locked}.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Instance<DeliveryLedger> ledger;
    private final Instance<DeliverySender> sender;
    private final int concurrency;
    private final Semaphore senders;
    private final ExecutorService pool;
    private final WakeableLoop loop;

    public Dispatcher(Instance<DeliveryLedger> ledger, Instance<DeliverySender> sender, WebhookConfig config) {
        this.ledger = ledger;
        this.sender = sender;
        this.concurrency = config.concurrency();
        this.senders = new Semaphore(concurrency);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "webhook-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.loop = new WakeableLoop("webhook-dispatcher", config.pollInterval(), Duration.ofSeconds(5), concurrency,
                this::dispatchOnce);
    }

    void start(@Observes StartupEvent ignored) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop(Duration.ofSeconds(5));
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                // What is still in flight is sent again after its lease runs out.
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a round now; called after a commit that planned deliveries. */
    public void wake() {
        loop.wake();
    }

    /** One round: claims as many due deliveries as there are free senders and starts them. */
    int dispatchOnce() {
        int free = senders.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<Claim> claims = ledger.get().claim(free);
        for (Claim claim : claims) {
            senders.acquireUninterruptibly();
            try {
                pool.execute(() -> deliver(claim));
            } catch (RuntimeException rejected) {
                senders.release();
                throw rejected;
            }
        }
        return claims.size() < free ? claims.size() : concurrency;
    }

    /**
     * One attempt. The request is started while the sender holds its endpoint's row ({@code for key share}, in a
     * transaction that ends as soon as the request has been handed to the connection): a removal of the endpoint
     * ({@code for update}) therefore commits either before, and then nothing is sent, or after the request went out,
     * never in between (DeliveryLedger#whileEndpointPresent).
     */
    private void deliver(Claim claim) {
        try {
            DeliverySender.Attempt attempt = sender.get().prepare(claim);
            if (attempt.sendable() && !ledger.get().whileEndpointPresent(claim, attempt::startAndAwaitWritten)) {
                return; // removed since the claim: nothing sent, nothing left to record
            }
            ledger.get().record(claim, attempt.result());
        } catch (RuntimeException e) {
            LOG.warnf("Delivery %s: the attempt could not be recorded (%s); it is sent again after its lease",
                    claim.deliveryId(), e.toString());
        } finally {
            senders.release();
            loop.wake();
        }
    }
}
