package org.sansho.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.ServiceProcess;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged webhook-service delivers the contract events the real contract-service publishes to a receiver on
 * loopback, and is SIGKILLed while a delivery is in flight. After its restart every event still arrives: a delivery
 * whose attempt the kill cut off is sent again with the same webhook-id (which the receiver deduplicates), and each
 * contract's events arrive in the order they were published.
 */
class WebhookDeliveryKillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTRACTS_BEFORE_KILL = 4;
    private static final int CONTRACTS_WHILE_DOWN = 2;

    private final Suite suite = Suite.get();
    private static ServiceProcess webhook;

    @AfterAll
    static void stopWebhookService() {
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void a_sigkill_of_the_webhook_service_mid_delivery_loses_no_event_and_keeps_each_contracts_order() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", suite.bootstrap());
        env.put("SANSHO_WEBHOOK_SECRETS_KEY", Base64.getEncoder().encodeToString(key));
        env.put("SANSHO_WEBHOOK_ALLOW_LOOPBACK", "true");
        env.put("SANSHO_WEBHOOK_RETRY_SCHEDULE", "1S,1S,2S,2S,5S,5S,10S,10S,10S,10S");
        env.put("SANSHO_WEBHOOK_CONNECT_TIMEOUT", "1S");
        env.put("SANSHO_WEBHOOK_READ_TIMEOUT", "3S");
        webhook = ServiceProcess.start("webhook-service", "e2e_webhook", env);

        try (Receiver receiver = new Receiver()) {
            Suite.Parties parties = suite.parties();
            var subscribed = Suite.as(webhook, "procurement", parties.hospital())
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("org.sansho.contract.*")))
                    .post("/api/v1/endpoints").then().statusCode(201).extract();
            receiver.secret = subscribed.path("secret");

            List<java.util.UUID> contracts = new ArrayList<>();
            for (int i = 0; i < CONTRACTS_BEFORE_KILL; i++) {
                contracts.add(lifecycle(parties));
            }
            // SIGKILL while the receiver holds a request (each takes 300 ms to answer).
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                    .until(() -> receiver.accepted() >= 3 && receiver.inFlight.get() > 0);
            int acceptedAtKill = receiver.accepted();
            webhook.kill();
            // Events published while it is down wait in Kafka.
            for (int i = 0; i < CONTRACTS_WHILE_DOWN; i++) {
                contracts.add(lifecycle(parties));
            }
            webhook.startAndAwaitReady();

            Map<String, List<String>> published = new LinkedHashMap<>();
            for (java.util.UUID c : contracts) {
                published.put(c.toString(), suite.records(Suite.CONTRACT_EVENTS, c.toString()).stream()
                        .map(WebhookDeliveryKillIT::eventId).distinct().toList());
            }
            Set<String> expected = published.values().stream().flatMap(List::stream)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .until(() -> receiver.distinctIds().containsAll(expected));

            List<Receiver.Request> requests = receiver.requests();
            assertThat(requests).allSatisfy(r -> assertThat(r.verified()).as("signature of " + r.id()).isTrue());
            assertThat(receiver.distinctIds()).containsExactlyInAnyOrderElementsOf(expected);
            Map<String, List<String>> firstArrivals = new LinkedHashMap<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Receiver.Request r : requests) {
                if (r.accepted() && seen.add(r.id())) {
                    firstArrivals.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(r.id());
                }
            }
            assertThat(firstArrivals).isEqualTo(published);
            long copies = requests.stream().filter(Receiver.Request::accepted).count() - expected.size();
            System.out.printf("webhook delivery under SIGKILL: contracts %d, events %d, received %d requests "
                            + "(%d accepted before the kill), distinct webhook-ids %d, re-sent copies %d (same "
                            + "webhook-id, deduplicated), lost 0, out of order 0%n", contracts.size(), expected.size(),
                    requests.size(), acceptedAtKill, receiver.distinctIds().size(), copies);
        }
    }

    /**
     * A contract through four facts: created, DISCLOSURE_REQUESTED, disclosure shared understanding,
     * UNDER_ASSESSMENT.
     */
    private java.util.UUID lifecycle(Suite.Parties parties) {
        java.util.UUID id = suite.openContract(parties);
        suite.transition(parties, id, "DISCLOSURE_REQUESTED");
        suite.shareUnderstanding(parties, id);
        suite.transition(parties, id, "UNDER_ASSESSMENT");
        return id;
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook receiver on loopback that verifies each request with the reference library and records it. */
    static final class Receiver implements AutoCloseable {
        record Request(String id, String subject, boolean verified, boolean accepted) {
        }

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile String secret;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.createContext("/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "webhook-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        private void handle(HttpExchange exchange) throws IOException {
            inFlight.incrementAndGet();
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                boolean verified;
                try {
                    new Webhook(secret).verify(body, headers);
                    verified = true;
                } catch (Exception e) {
                    verified = false;
                }
                Thread.sleep(300);
                JsonNode event = JSON.readTree(body);
                String id = headers.containsKey("webhook-id") ? headers.get("webhook-id").get(0) : null;
                exchange.sendResponseHeaders(204, -1);
                requests.add(new Request(id, event.path("subject").asText(), verified, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the sender died mid-request: this attempt never completed
            } finally {
                exchange.close();
                inFlight.decrementAndGet();
            }
        }

        List<Request> requests() {
            return new ArrayList<>(requests);
        }

        int accepted() {
            return requests.size();
        }

        Set<String> distinctIds() {
            return requests.stream().map(Request::id).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
