package org.sansho.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token's signature and claims once and keeps the result until the token expires: clients such
 * as a procurement system or a vendor portal send the same token with every request of a batch, and checking an
 * RS256 signature is the largest single cost of a simple read (benchmark/results). The cache is keyed by the
 * whole token string, so a changed token (a claim, the signature) is a miss and verified in full; an entry is
 * used only before the token's {@code exp}, and is never longer than {@link #MAX_AGE_SECONDS}, so a changed
 * verification key takes effect within that time. Bounded: beyond {@link #MAX_ENTRIES} the expired entries are
 * dropped, then all.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokenCache extends JWTCallerPrincipalFactory {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_AGE_SECONDS = 300;

    private record Verified(JWTCallerPrincipal principal, JWTAuthContextInfo context, long usableUntilMillis) {
    }

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC());
    }

    VerifiedTokenCache(JWTCallerPrincipalFactory verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        long now = clock.millis();
        Verified hit = verified.get(token);
        if (hit != null && hit.context() == context && now < hit.usableUntilMillis()) {
            return hit.principal();
        }
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long expiresMillis = principal.getExpirationTime() * 1000;
        long usableUntil = Math.min(expiresMillis, now + MAX_AGE_SECONDS * 1000);
        if (usableUntil > now) {
            if (verified.size() >= MAX_ENTRIES) {
                evict(now);
            }
            verified.put(token, new Verified(principal, context, usableUntil));
        }
        return principal;
    }

    int size() {
        return verified.size();
    }

    private void evict(long now) {
        for (Iterator<Verified> i = verified.values().iterator(); i.hasNext(); ) {
            if (i.next().usableUntilMillis() <= now) {
                i.remove();
            }
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
    }
}
