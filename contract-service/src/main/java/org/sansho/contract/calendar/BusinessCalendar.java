package org.sansho.contract.calendar;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The service's notion of "now" and "today". Contract dates are Japanese business dates, so "today" is taken in
 * Asia/Tokyo. Tests replace the clock to move through time without waiting.
 */
@ApplicationScoped
public class BusinessCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private volatile Clock clock = Clock.system(ZONE);

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    /** For tests and operations drills: run the service as if it were another moment. */
    public void use(Clock clock) {
        this.clock = clock;
    }
}
