package org.sansho.webhook.subscriptions.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.webhook.WebhookConfig;
import org.sansho.webhook.subscriptions.domain.SigningSecret;
import org.sansho.webhook.subscriptions.persistence.EndpointSecret;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps the signing secrets encrypted at rest. A signing secret must be readable to sign (HMAC is symmetric), so
 * it cannot be stored as a hash: it is encrypted with AES-256-GCM under a key from the configuration
 * ({@code SANSHO_WEBHOOK_SECRETS_KEY}), with the secret's row id as associated data, so that a ciphertext copied to
 * another row does not decrypt. A database dump alone reveals no secret. The service does not start without the key.
 */
@Startup
@ApplicationScoped
public class SecretVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    public SecretVault(WebhookConfig config) {
        String text = config.secretsKey().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "sansho.webhook.secrets-key (SANSHO_WEBHOOK_SECRETS_KEY) is not set: give the base64 of 32 random "
                        + "bytes, e.g. from 'openssl rand -base64 32'"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sansho.webhook.secrets-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("sansho.webhook.secrets-key must be 32 bytes (base64), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public void seal(EndpointSecret row, SigningSecret secret) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        row.nonce = nonce;
        row.ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, row, secret.key());
    }

    public SigningSecret open(EndpointSecret row) {
        return SigningSecret.of(crypt(Cipher.DECRYPT_MODE, row.nonce, row, row.ciphertext));
    }

    private byte[] crypt(int mode, byte[] nonce, EndpointSecret row, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(row.id.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A signing secret could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted (was sansho.webhook.secrets-key changed?)"), e);
        }
    }
}
