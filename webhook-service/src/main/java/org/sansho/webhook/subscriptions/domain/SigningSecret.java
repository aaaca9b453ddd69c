package org.sansho.webhook.subscriptions.domain;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An endpoint's symmetric signing secret, in the Standard Webhooks form: 32 random bytes (the scheme asks for 24 to
 * 64), shown to the subscriber as {@code whsec_} followed by their base64.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key.clone();
    }

    public static SigningSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    public static SigningSecret of(byte[] key) {
        return new SigningSecret(key);
    }

    /** Reads {@code whsec_<base64>} (or the base64 alone). */
    public static SigningSecret parse(String text) {
        String b64 = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        return new SigningSecret(Base64.getDecoder().decode(b64));
    }

    public byte[] key() {
        return key.clone();
    }

    /** The form shown to the subscriber, once. */
    public String reveal() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningSecret s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[hidden]";
    }
}
