package org.sansho.contract.invitations.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one-time token of a respondent link: 32 random bytes, base64url. Only its SHA-256 digest is stored, so the
 * database never holds a usable token; the exchange looks the digest of the token it is given up.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A token as made here: 43 base64url characters. */
    public static final int LENGTH = 43;

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a given string can be a token at all (checked before any lookup). */
    public static boolean wellFormed(String token) {
        return token != null && token.length() == LENGTH && token.chars().allMatch(c ->
                c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_');
    }

    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
