package org.sansho.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Signed bearer tokens for tests. The key pair is generated once per test JVM, never stored; the services under
 * test verify with its public key (see {@link JwtTestResource}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://sansho.local/test-issuer";
    private static KeyPair keys;

    private TestTokens() {
    }

    public static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    /** A token for a person of the given role acting for an organization. */
    public static String token(String role, UUID organization) {
        return token("user-" + role + "@" + organization, Set.of(role), organization, Duration.ofHours(1));
    }

    /** A token for a role without organization (catalog admins, services). */
    public static String token(String role) {
        return token("user-" + role, Set.of(role), null, Duration.ofHours(1));
    }

    public static String token(String subject, Set<String> roles, UUID organization, Duration lifetime) {
        var claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(lifetime));
        if (organization != null) {
            claims.claim("org", organization.toString());
        }
        return claims.jws().keyId("sansho-test").sign(keys().getPrivate());
    }

    /** An already expired token, otherwise valid. */
    public static String expired(String role, UUID organization) {
        var claims = Jwt.issuer(ISSUER).subject("expired").groups(Set.of(role))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600));
        if (organization != null) {
            claims.claim("org", organization.toString());
        }
        return claims.jws().keyId("sansho-test").sign(keys().getPrivate());
    }

    /** A token signed by a key the services do not trust. */
    public static String signedByStranger(String role, UUID organization) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var claims = Jwt.issuer(ISSUER).subject("stranger").groups(Set.of(role))
                    .expiresAt(Instant.now().plusSeconds(600));
            if (organization != null) {
                claims.claim("org", organization.toString());
            }
            return claims.jws().sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
