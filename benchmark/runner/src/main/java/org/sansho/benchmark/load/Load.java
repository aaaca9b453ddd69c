package org.sansho.benchmark.load;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The load generator: HTTP/1.1 over loopback with the JDK's client, bounded in time and requests.
 * <ul>
 *   <li>closed model: a fixed number of requests in flight, each sent when the previous one answered; gives the
 *       throughput an endpoint sustains (req/s) and its latencies;</li>
 *   <li>open model: requests start at a fixed arrival rate whatever the answers do; latency is counted from the
 *       intended start, so a stalled server is not hidden (no coordinated omission).</li>
 * </ul>
 */
public final class Load {

    /** One call: sends a request and completes with whether the answer was the expected one; null when out of work. */
    public interface Call extends LongFunction<CompletableFuture<Boolean>> {
    }

    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final HttpClient client;

    public Load(HttpClient client) {
        this.client = client;
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "load-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    /** A call that expects {@code status}; {@code request} gets the running number of the call. */
    public Call expect(int status, LongFunction<HttpRequest> request) {
        return n -> client.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == status);
    }

    /** Same, handing the answer to {@code check} (which returns whether it is the expected one). */
    public Call check(LongFunction<HttpRequest> request, Function<HttpResponse<String>, Boolean> check) {
        return n -> client.sendAsync(request.apply(n), HttpResponse.BodyHandlers.ofString()).thenApply(check);
    }

    /** The outcome of one measured load. */
    public record Result(String model, double requestsPerSecond, long count, long errors, double seconds,
                  Histogram histogram) {
        public double percentileMillis(double p) {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(p) / 1e6;
        }

        public double maxMillis() {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
        }
    }

    /** One result of the spans of a load measured in several parts (in turns with another load). */
    public static Result combine(String model, List<Result> parts) {
        Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        long count = 0;
        long errors = 0;
        double seconds = 0;
        for (Result r : parts) {
            histogram.add(r.histogram());
            count += r.count();
            errors += r.errors();
            seconds += r.seconds();
        }
        return new Result(model, (count + errors) / seconds, count, errors, seconds, histogram);
    }

    /** Closed model: warm-up, then {@code measure} with {@code concurrency} requests in flight. */
    public Result closed(Call call, int concurrency, Duration warmUp, Duration measure, long maxRequests)
            throws InterruptedException {
        warm(call, concurrency, warmUp);
        return runClosed(call, concurrency, measure, maxRequests, new AtomicLong(1_000_000_000L));
    }

    /** The warm-up alone: the closed model for {@code warmUp}, not measured. */
    public void warm(Call call, int concurrency, Duration warmUp) throws InterruptedException {
        if (!warmUp.isZero()) {
            runClosed(call, concurrency, warmUp, Long.MAX_VALUE, new AtomicLong());
        }
    }

    private Result runClosed(Call call, int concurrency, Duration duration, long maxRequests, AtomicLong sequence)
            throws InterruptedException {
        Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            next(call, end, maxRequests, sent, sequence, histogram, errors, done);
        }
        if (!done.await(duration.toSeconds() + 70, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Requests did not finish in time");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long count;
        synchronized (histogram) {
            count = histogram.getTotalCount();
        }
        return new Result("closed, " + concurrency + " in flight", (count + errors.get()) / seconds, count,
                errors.get(), seconds, histogram);
    }

    private static void next(Call call, long end, long maxRequests, AtomicLong sent, AtomicLong sequence,
                             Histogram histogram, AtomicLong errors, CountDownLatch done) {
        if (System.nanoTime() >= end || sent.incrementAndGet() > maxRequests) {
            done.countDown();
            return;
        }
        long t0 = System.nanoTime();
        CompletableFuture<Boolean> f;
        try {
            f = call.apply(sequence.getAndIncrement());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        if (f == null) {
            // the call has no more work (e.g. no DRAFT contract left): this request slot is done
            done.countDown();
            return;
        }
        // async: a call that completes at once must not recurse into the next one on the same stack
        f.whenCompleteAsync((ok, failure) -> {
            long latency = System.nanoTime() - t0;
            if (failure == null && Boolean.TRUE.equals(ok)) {
                synchronized (histogram) {
                    histogram.recordValue(Math.min(latency, MAX_LATENCY_NANOS));
                }
            } else {
                errors.incrementAndGet();
            }
            next(call, end, maxRequests, sent, sequence, histogram, errors, done);
        });
    }

    /**
     * Open model: {@code rate} calls a second for {@code duration}; each latency counts from the call's intended
     * start. {@code call} completes with the latency it measured itself (nanoseconds from the time it is given),
     * or with a negative value for a failure. At most {@code maxInFlight} calls are under way: a call due while
     * all are busy starts when one ends and its wait counts in its latency (as wrk2 does with its fixed
     * connections), so a slow server meets a bounded number of connections instead of a new one per late call,
     * and the generator's own connection handling does not become the load.
     */
    public static Result open(LongFunction<CompletableFuture<Long>> call, double rate, Duration duration, int maxInFlight)
            throws InterruptedException {
        Semaphore slots = new Semaphore(maxInFlight);
        Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
        AtomicLong errors = new AtomicLong();
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long interval = Math.round(1e9 / rate);
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            slots.acquire();
            CompletableFuture<Long> f;
            try {
                f = call.apply(intended);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.orTimeout(60, TimeUnit.SECONDS).whenComplete((latency, failure) -> {
                slots.release();
                if (failure == null && latency != null && latency >= 0) {
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(latency, MAX_LATENCY_NANOS));
                    }
                } else {
                    errors.incrementAndGet();
                }
                done.countDown();
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!done.await(70, TimeUnit.SECONDS)) {
            errors.addAndGet(done.getCount());
        }
        return new Result(String.format("open, %.0f/s", rate), total / seconds, histogram.getTotalCount(),
                errors.get(), seconds, histogram);
    }
}
