package org.sansho.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "sansho.outbox")
public interface OutboxConfig {

    /** The topic this service publishes its facts to (one topic per publishing service). */
    String topic();

    /** The CloudEvents source of this service, e.g. {@code /sansho/contract-service}. */
    String source();

    /** Whether this instance relays the outbox to Kafka. Off only to simulate a crash between commit and send. */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for unsent rows when nothing woke it. */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * How often the relay looks while the outbox keeps having rows (a round sent some): shorter than the poll
     * interval, so that under load rows no commit of this instance announced wait little.
     */
    @WithDefault("20ms")
    Duration busyPollInterval();

    /** Longest pause after a failed send (the broker is away) before the next attempt. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Rows relayed per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long relayed rows are kept before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
