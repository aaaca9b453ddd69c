package org.sansho.servicetoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The token a service holds for reuse: handed out until {@code renewBefore} ahead of its expiry, then replaced. A
 * token's lifetime is checked by the services that receive it against their own wall clock, so it is counted on a
 * wall clock here too, never on the service's business clock (which a test or a drill may move).
 */
final class HeldToken {

    private final Clock wall;
    private final Duration renewBefore;
    private String token;
    private Instant renewAt = Instant.MIN;

    HeldToken(Clock wall, Duration renewBefore) {
        this.wall = wall;
        this.renewBefore = renewBefore;
    }

    /** The token held, or null when there is none or it is about to expire. */
    synchronized String current() {
        return wall.instant().isBefore(renewAt) ? token : null;
    }

    /**
     * Holds {@code token} until shortly before {@code expiresAt}; a token whose expiry is unknown (null) is handed
     * out this once and a new one is fetched next time.
     */
    synchronized String keep(String token, Instant expiresAt) {
        this.token = token;
        this.renewAt = expiresAt == null ? Instant.MIN : expiresAt.minus(renewBefore);
        return token;
    }

    /** Now on the wall clock: when a token signed now expires is counted from it. */
    Instant now() {
        return wall.instant();
    }
}
