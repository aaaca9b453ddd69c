package org.sansho.platform.inbox;

import org.sansho.platform.events.CloudEvent;

/** The effect of one consumed event; runs inside the transaction that records the event as processed. */
@FunctionalInterface
public interface EventHandler {
    void handle(CloudEvent event);
}
