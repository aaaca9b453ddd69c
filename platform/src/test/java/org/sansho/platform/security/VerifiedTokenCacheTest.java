package org.sansho.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** A verifier that counts its calls and takes the token "exp=<seconds>" or refuses "bad". */
    private static final class CountingVerifier extends JWTCallerPrincipalFactory {
        final List<String> verified = new ArrayList<>();

        @Override
        public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
            verified.add(token);
            if (token.startsWith("bad")) {
                throw new ParseException("signature does not match");
            }
            JwtClaims claims = new JwtClaims();
            claims.setSubject("user");
            String exp = token.substring(token.indexOf('=') + 1);
            if (!exp.equals("none")) {
                claims.setExpirationTime(NumericDate.fromSeconds(Long.parseLong(exp)));
            }
            return new DefaultJWTCallerPrincipal(token, claims);
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final JWTAuthContextInfo context = new JWTAuthContextInfo();

    private VerifiedTokenCache at(Instant now) {
        return new VerifiedTokenCache(verifier, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String token(Instant expires) {
        return "exp=" + expires.getEpochSecond();
    }

    @Test
    void a_token_is_verified_once_and_then_served_until_it_expires() throws Exception {
        String token = token(NOW.plus(Duration.ofMinutes(1)));
        VerifiedTokenCache cache = at(NOW);
        JWTCallerPrincipal first = cache.parse(token, context);
        assertThat(cache.parse(token, context)).isSameAs(first);
        assertThat(verifier.verified).containsExactly(token);
    }

    @Test
    void an_expired_entry_is_verified_again_and_a_token_without_expiry_is_never_kept() throws Exception {
        String token = token(NOW.plus(Duration.ofSeconds(30)));
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);
        cache.parse(token, context);
        clock.now = NOW.plusSeconds(30);
        cache.parse(token, context);
        assertThat(verifier.verified).as("past its expiry the token is verified (and so refused) again")
                .containsExactly(token, token);

        cache.parse("exp=none", context);
        cache.parse("exp=none", context);
        assertThat(verifier.verified).hasSize(4);
    }

    @Test
    void an_entry_is_used_at_most_five_minutes_and_only_for_the_same_verification_context() throws Exception {
        String token = token(NOW.plus(Duration.ofHours(8)));
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);
        cache.parse(token, context);
        cache.parse(token, context);
        assertThat(verifier.verified).hasSize(1);
        cache.parse(token, new JWTAuthContextInfo());
        assertThat(verifier.verified).as("another verification context").hasSize(2);
        clock.now = NOW.plusSeconds(VerifiedTokenCache.MAX_AGE_SECONDS + 1);
        cache.parse(token, context);
        assertThat(verifier.verified).as("older than the longest use of an entry").hasSize(3);
    }

    @Test
    void a_refused_token_is_not_kept_and_a_changed_token_is_a_miss() throws Exception {
        VerifiedTokenCache cache = at(NOW);
        assertThatThrownBy(() -> cache.parse("bad=1", context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("bad=1", context)).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("bad=1", "bad=1");
        cache.parse(token(NOW.plusSeconds(60)), context);
        cache.parse(token(NOW.plusSeconds(61)), context);
        assertThat(verifier.verified).hasSize(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void the_cache_stays_bounded() throws Exception {
        MutableClock clock = new MutableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock);
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES + 10; i++) {
            cache.parse(token(NOW.plusSeconds(60 + i)), context);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedTokenCache.MAX_ENTRIES);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
