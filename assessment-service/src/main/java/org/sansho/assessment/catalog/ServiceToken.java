package org.sansho.assessment.catalog;

import io.smallrye.jwt.build.Jwt;

import java.time.Duration;
import java.time.Instant;

/**
 * The bearer token this service presents to other services: subject {@code assessment-service}, role
 * {@code service}, signed with the configured {@code smallrye.jwt.sign.key}. A token is reused until shortly
 * before it expires.
 */
public final class ServiceToken {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static String token;
    private static Instant renewAt = Instant.MIN;

    private ServiceToken() {
    }

    public static synchronized String bearer() {
        Instant now = Instant.now();
        if (now.isAfter(renewAt)) {
            token = Jwt.subject("assessment-service").groups("service").expiresIn(LIFETIME).sign();
            renewAt = now.plus(LIFETIME).minusSeconds(60);
        }
        return "Bearer " + token;
    }
}
