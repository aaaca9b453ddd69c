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

    /**
     * Prepares one attempt: checks the address (resolving the name, before anything is locked) and signs the
     * request. Nothing is sent until {@link Attempt#startAndAwaitWritten()}.
     */
    public Attempt prepare(Claim claim) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(claim.url());
            String refused = refusal(uri.getHost());
            if (refused != null) {
                return new Attempt(failed(at, started, null, "address refused: " + refused));
            }
        } catch (IllegalArgumentException | UnknownHostException e) {
            return new Attempt(failed(at, started, null, "cannot resolve the host: " + e.getMessage()));
        }
        long timestamp = WALL.instant().getEpochSecond();
        CompletableFuture<Void> written = new CompletableFuture<>();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("content-type", CONTENT_TYPE)
                .header("user-agent", "sansho-webhooks/1")
                .header("webhook-id", claim.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(claim.secrets(), claim.eventId(), timestamp,
                        claim.body()))
                .POST(new Announcing(HttpRequest.BodyPublishers.ofString(claim.body(), StandardCharsets.UTF_8),
                        written))
                .build();
        return new Attempt(at, started, request, written);
    }

    /** One attempt: prepared, then started, then awaited for its answer. */
    public final class Attempt {
        private final Instant at;
        private final long started;
        private final HttpRequest request;
        private final CompletableFuture<Void> written;
        private AttemptResult result;
        private CompletableFuture<HttpResponse<Excerpt>> answer;

        private Attempt(AttemptResult refused) {
            this(refused.at(), 0, null, CompletableFuture.completedFuture(null));
            this.result = refused;
        }

        private Attempt(Instant at, long started, HttpRequest request, CompletableFuture<Void> written) {
            this.at = at;
            this.started = started;
            this.request = request;
            this.written = written;
        }

        /** Whether there is anything to send (false: the address was refused; the result says why). */
        public boolean sendable() {
            return result == null;
        }

        /**
         * Sends the request and returns once it has been handed to the connection (the whole body given to the
         * client), or the attempt ended before (refused connection), or the connect timeout and a second passed.
         */
        public void startAndAwaitWritten() {
            answer = http.sendAsync(request, info -> new ExcerptReader());
            answer.whenComplete((r, e) -> written.complete(null));
            try {
                written.get(config.connectTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still connecting: the attempt goes on, bounded by its own timeouts
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for the answer, within the attempt's bounds. */
        public AttemptResult result() {
            if (result != null) {
                return result;
            }
            if (answer == null) {
                throw new IllegalStateException("not started");
            }
            try {
                HttpResponse<Excerpt> response = answer.get(maxAttemptTime().toMillis(), TimeUnit.MILLISECONDS);
                int status = response.statusCode();
                AttemptOutcome outcome = AttemptOutcome.of(status);
                result = new AttemptResult(at, status, elapsed(started), outcome,
                        outcome == AttemptOutcome.SUCCEEDED ? null : "HTTP " + status, response.body().text(),
                        response.body().truncated());
            } catch (TimeoutException e) {
                answer.cancel(true);
                result = failed(at, started, null, "no answer within " + maxAttemptTime().toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                result = failed(at, started, null, cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.cancel(true);
                result = failed(at, started, null, "interrupted");
            }
            return result;
        }
    }

    /** The request body, telling when the client has taken all of it (or failed to). */
    static final class Announcing implements HttpRequest.BodyPublisher {
        private final HttpRequest.BodyPublisher body;
        private final CompletableFuture<Void> written;

        Announcing(HttpRequest.BodyPublisher body, CompletableFuture<Void> written) {
            this.body = body;
            this.written = written;
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            body.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                    written.complete(null);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                    written.complete(null);
                }
            });
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
