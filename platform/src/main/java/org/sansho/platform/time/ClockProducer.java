package org.sansho.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The one clock of a service: every "now" and "today" of the domain, the services and the platform (event times,
 * outbox and inbox bookkeeping, audit records) is read from the injected {@link Clock}, never from the JVM's default
 * zone. Contract dates, due dates and notice deadlines are Japanese calendar dates, so the clock's zone is
 * Asia/Tokyo unless {@code sansho.time.zone} says otherwise; it ticks in microseconds, the precision PostgreSQL keeps,
 * so an instant read back from the database equals the one written. A test moves time by installing another clock for
 * one test ({@code QuarkusMock.installMockForType(Clock.fixed(…), Clock.class)}); a deployment may replace the bean.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "sansho.time.zone", defaultValue = "Asia/Tokyo") ZoneId zone) {
        return Clock.tick(Clock.system(zone), Duration.ofNanos(1_000));
    }
}
