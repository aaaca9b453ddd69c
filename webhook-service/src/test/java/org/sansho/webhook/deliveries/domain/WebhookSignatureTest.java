package org.sansho.webhook.deliveries.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import org.sansho.webhook.subscriptions.domain.SigningSecret;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    @Test
    void signatures_equal_the_published_test_vectors_of_the_specification() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/standard-webhooks/test-vectors.json")) {
            vectors = new ObjectMapper().readTree(in).path("vectors");
        }
        assertThat(vectors).isNotEmpty();
        for (JsonNode v : vectors) {
            assertThat(WebhookSignature.sign(SigningSecret.parse(v.path("secret").asText()), v.path("id").asText(),
                    v.path("timestamp").asLong(), v.path("payload").asText()))
                    .isEqualTo(v.path("signature").asText());
        }
    }

    @Test
    void the_reference_library_verifies_what_we_sign() {
        SigningSecret secret = SigningSecret.generate();
        long now = Instant.now().getEpochSecond();
        String body = "{\"specversion\":\"1.0\",\"id\":\"8b1c\",\"type\":\"org.sansho.contract.created.v1\"}";
        String header = WebhookSignature.header(List.of(secret), "8b1c-4f", now, body);
        assertThatCode(() -> new Webhook(secret.reveal()).verify(body, headers("8b1c-4f", now, header)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(secret.reveal()).verify(body + " ", headers("8b1c-4f", now, header)))
                .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
    }

    @Test
    void during_a_rotation_both_secrets_sign_and_a_receiver_with_either_one_verifies() throws Exception {
        SigningSecret current = SigningSecret.generate();
        SigningSecret previous = SigningSecret.generate();
        long now = Instant.now().getEpochSecond();
        String body = "{}";
        String header = WebhookSignature.header(List.of(current, previous), "evt-1", now, body);
        assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        new Webhook(current.reveal()).verify(body, headers("evt-1", now, header));
        new Webhook(previous.reveal()).verify(body, headers("evt-1", now, header));
        assertThatThrownBy(() -> new Webhook(SigningSecret.generate().reveal()).verify(body,
                headers("evt-1", now, header))).isInstanceOf(Exception.class);
    }

    @Test
    void a_generated_secret_has_the_whsec_form_and_enough_random_bytes() {
        SigningSecret s = SigningSecret.generate();
        assertThat(s.reveal()).startsWith("whsec_");
        assertThat(s.key()).hasSizeBetween(24, 64);
        assertThat(SigningSecret.parse(s.reveal())).isEqualTo(s);
        assertThat(s.toString()).doesNotContain(s.reveal().substring(6));
    }

    @Test
    void an_id_with_a_full_stop_is_refused_because_it_would_make_the_signed_content_ambiguous() {
        assertThatThrownBy(() -> WebhookSignature.header(List.of(SigningSecret.generate()), "a.b", 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
