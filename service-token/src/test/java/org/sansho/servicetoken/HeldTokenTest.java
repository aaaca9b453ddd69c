package org.sansho.servicetoken;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class HeldTokenTest {

    private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

    /** A wall clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock wall = new MovableClock();
    private final HeldToken held = new HeldToken(wall, Duration.ofSeconds(60));

    @Test
    void nothing_is_held_at_first() {
        assertThat(held.current()).isNull();
    }

    @Test
    void a_token_is_handed_out_until_a_minute_before_it_expires_and_then_no_longer() {
        assertThat(held.keep("first", START.plus(Duration.ofMinutes(5)))).isEqualTo("first");

        wall.now = START.plus(Duration.ofMinutes(3));
        assertThat(held.current()).isEqualTo("first");
        wall.now = START.plus(Duration.ofMinutes(4)).minusMillis(1);
        assertThat(held.current()).isEqualTo("first");
        wall.now = START.plus(Duration.ofMinutes(4));
        assertThat(held.current()).as("within the last minute of its life").isNull();

        held.keep("second", wall.now.plus(Duration.ofMinutes(5)));
        assertThat(held.current()).isEqualTo("second");
    }

    @Test
    void a_token_whose_expiry_is_unknown_is_not_reused() {
        assertThat(held.keep("once", null)).isEqualTo("once");
        assertThat(held.current()).isNull();
    }

    @Test
    void a_token_that_expires_within_the_renewal_margin_is_not_reused() {
        held.keep("short", START.plusSeconds(30));
        assertThat(held.current()).isNull();
    }
}
