package org.sansho.webhook.deliveries.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.webhook.WebhookConfig;
import org.sansho.webhook.deliveries.domain.AttemptOutcome;
import org.sansho.webhook.deliveries.domain.WebhookSignature;
import org.sansho.webhook.subscriptions.domain.EndpointAddress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt of one delivery, Standard Webhooks style: {@code POST} of the CloudEvent with {@code webhook-id} (the
 * event id), {@code webhook-timestamp} (this attempt's time, seconds) and {@code webhook-signature}. The whole attempt
 * is bounded (connect timeout, then the read timeout for the answer), redirects are not followed, and only the first
 * {@value #EXCERPT_BYTES} bytes of the answer are read, for the delivery log.
 */
@ApplicationScoped
public class DeliverySender {

    static final int EXCERPT_BYTES = 1024;
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final WebhookConfig config;
    private final HttpClient http;
    private final Clock clock;
    /**
     * The signature's timestamp is checked by the receiver against its own wall clock (a replay window), so it is
     * taken from the wall clock, never from the service's business clock (which a test or a drill may move).
     */
    private static final Clock WALL = Clock.systemUTC();

    public DeliverySender(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** How long an attempt can take at most; a claim's lease is longer. */
    public Duration maxAttemptTime() {
        return config.connectTimeout().plus(config.readTimeout());
    }

    public AttemptResult send(Claim claim) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(claim.url());
            String refused = refusal(uri.getHost());
            if (refused != null) {
                return failed(at, started, null, "address refused: " + refused);
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            return failed(at, started, null, "cannot resolve the host: " + e.getMessage());
        }
        long timestamp = WALL.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("content-type", CONTENT_TYPE)
                .header("user-agent", "sansho-webhooks/1")
                .header("webhook-id", claim.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(claim.secrets(), claim.eventId(), timestamp,
                        claim.body()))
                .POST(HttpRequest.BodyPublishers.ofString(claim.body(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Excerpt>> answer = http.sendAsync(request, info -> new ExcerptReader());
        try {
            HttpResponse<Excerpt> response = answer.get(maxAttemptTime().toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            AttemptOutcome outcome = AttemptOutcome.of(status);
            return new AttemptResult(at, status, elapsed(started), outcome,
                    outcome == AttemptOutcome.SUCCEEDED ? null : "HTTP " + status, response.body().text(),
                    response.body().truncated());
        } catch (TimeoutException e) {
            answer.cancel(true);
            return failed(at, started, null, "no answer within " + maxAttemptTime().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(at, started, null, cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return failed(at, started, null, "interrupted");
        }
    }

    /** The resolved addresses are checked too, so a name that points inside is refused at send time. */
    private String refusal(String host) throws UnknownHostException {
        if (host == null) {
            return "no host";
        }
        for (InetAddress a : InetAddress.getAllByName(host)) {
            String refusal = EndpointAddress.refusal(a, config.allowLoopback());
            if (refusal != null) {
                return host + " " + refusal;
            }
        }
        return null;
    }

    private static AttemptResult failed(Instant at, long started, Integer status, String error) {
        return new AttemptResult(at, status, elapsed(started), AttemptOutcome.FAILED,
                error.length() > 500 ? error.substring(0, 500) : error, null, false);
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    record Excerpt(String text, boolean truncated) {
    }

    /** Keeps the first bytes of the answer and stops reading there. */
    static final class ExcerptReader implements HttpResponse.BodySubscriber<Excerpt> {
        private final CompletableFuture<Excerpt> result = new CompletableFuture<>();
        private final ByteBuffer kept = ByteBuffer.allocate(EXCERPT_BYTES);
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<Excerpt> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (b.remaining() > kept.remaining()) {
                    ByteBuffer part = b.slice();
                    part.limit(kept.remaining());
                    kept.put(part);
                    subscription.cancel();
                    complete(true);
                    return;
                }
                kept.put(b);
            }
        }

        @Override
        public void onError(Throwable t) {
            complete(false);
        }

        @Override
        public void onComplete() {
            complete(false);
        }

        private void complete(boolean truncated) {
            if (result.isDone()) {
                return;
            }
            kept.flip();
            byte[] bytes = new byte[kept.remaining()];
            kept.get(bytes);
            // A cut may split a character: the decoder replaces what is incomplete.
            result.complete(new Excerpt(new String(bytes, StandardCharsets.UTF_8).replace("\u0000", ""), truncated));
        }
    }
}
