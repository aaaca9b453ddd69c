package org.sansho.launcher;

import io.smallrye.jwt.build.Jwt;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Mints a bearer token of the local suite for a role (and the organization it acts for). */
public final class DevelopmentTokens {

    static final Set<String> ROLES = Set.of("catalog-admin", "procurement", "vendor", "auditor", "service");

    private DevelopmentTokens() {
    }

    public static String mint(PrivateKey key, String issuer, String role, UUID organization, String subject,
                       Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; one of " + ROLES);
        }
        var claims = Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(lifetime));
        if (organization != null) {
            claims.claim("org", organization.toString());
        }
        return claims.jws().keyId("sansho-local").sign(key);
    }
}
