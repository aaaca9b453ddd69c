package org.sansho.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on loopback. It verifies every request with the Standard Webhooks reference library (an
 * implementation of the scheme independent of the service's), records it, and answers as its behaviour says.
 */
public final class Receiver implements AutoCloseable {

    /** What the receiver answers to its n-th request (from 1); it may sleep first, to time out the sender. */
    @FunctionalInterface
    public interface Behaviour {
        int answer(int call) throws InterruptedException;
    }

    /** One request as received: {@code arrived} when it came in, {@code at} when it was answered. */
    public record Received(String webhookId, String timestamp, String signature, String type, String subject,
                           JsonNode event, String body, boolean verified, int answered, Instant at, Instant arrived) {
        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "test-receiver");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile List<String> secrets;
    private volatile Behaviour behaviour;

    private Receiver(String secret, Behaviour behaviour) throws IOException {
        this.secrets = secret == null ? List.of() : List.of(secret);
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static Receiver start(Behaviour behaviour) {
        try {
            return new Receiver(null, behaviour);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Receiver accepting() {
        return start(call -> 204);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The secrets a delivery may be signed with (any one verifying is enough, as in a rotation). */
    public Receiver verifyWith(String... secrets) {
        this.secrets = List.of(secrets);
        return this;
    }

    public Receiver behave(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    /** How many requests have come in, answered or not yet. */
    public int calls() {
        return calls.get();
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    public List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = Instant.now();
        int call = calls.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        boolean verified = false;
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, headers);
                verified = true;
                break;
            } catch (Exception e) {
                // try the next secret
            }
        }
        int status;
        try {
            status = behaviour.answer(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 500;
        }
        JsonNode event = Fixtures.JSON.readTree(body);
        received.add(new Received(first(headers, "webhook-id"), first(headers, "webhook-timestamp"),
                first(headers, "webhook-signature"), event.path("type").asText(), event.path("subject").asText(),
                event, body, verified, status, Instant.now(), arrived));
        byte[] answer = ("{\"received\":" + call + "}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
            if (status != 204) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } catch (IOException e) {
            // the sender gave up waiting (a timeout): it counts as a failed attempt there
        } finally {
            exchange.close();
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
