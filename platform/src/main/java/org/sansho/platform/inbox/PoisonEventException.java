package org.sansho.platform.inbox;

/**
 * A record that can never be processed, however often it is retried: it goes to the dead-letter topic at once
 * so that the partition keeps moving.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }
}
