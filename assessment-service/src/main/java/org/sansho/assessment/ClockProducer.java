package org.sansho.assessment;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The clock that decides "today" for due dates and risk-acceptance expiry. Dates are Japanese calendar dates,
 * as the contracts and guidelines are; a test or another deployment may replace the bean.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Tokyo"));
    }
}
