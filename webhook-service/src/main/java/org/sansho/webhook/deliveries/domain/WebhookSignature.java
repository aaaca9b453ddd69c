package org.sansho.webhook.deliveries.domain;

import org.sansho.webhook.subscriptions.domain.SigningSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} header of Standard Webhooks 1.0 ("Signature scheme", "Webhook headers"):
 * {@code v1,} followed by the base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's bytes. During a
 * rotation's overlap the delivery is signed with each valid secret, the signatures separated by a space, so a receiver
 * that still holds the old secret, or already the new one, verifies it.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(SigningSecret secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The header value: one signature per valid secret, the current one first. */
    public static String header(List<SigningSecret> secrets, String id, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an endpoint always has a current secret");
        }
        if (id.contains(".")) {
            // The scheme forbids a '.' in the id: it would make id.timestamp.body ambiguous.
            throw new IllegalArgumentException("a webhook id must not contain '.'");
        }
        return secrets.stream().map(s -> sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }
}
