package org.sansho.webhook.security;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.sansho.testsupport.security.World;
import org.sansho.webhook.Receiver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.sansho.webhook.Fixtures.as;
import static org.sansho.webhook.Fixtures.contractEvent;

/**
 * Seeds the records the access rules (authorization-rules.yaml) refer to: a hospital's endpoint, subscribed to its
 * contract events, with one event delivered to a receiver on loopback that accepts everything (so nothing is left
 * retrying in the background).
 */
final class SeededEndpoints {

    private static final Receiver RECEIVER = Receiver.accepting();
    private final KafkaCompanion kafka;

    SeededEndpoints(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    World seed() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        String endpoint = as("procurement", hospital).body(Map.of("url", RECEIVER.url(), "description", "電子カルテ連携",
                        "eventTypes", List.of("org.sansho.contract.*")))
                .post("/api/v1/endpoints").then().statusCode(201).extract().path("id");
        contractEvent(kafka, "org.sansho.contract.created.v1", UUID.randomUUID(), hospital, vendor);
        String[] delivery = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> items = as("procurement", hospital)
                    .get("/api/v1/endpoints/" + endpoint + "/deliveries").then().extract().path("items");
            if (items.isEmpty() || !"DELIVERED".equals(items.get(0).get("status"))) {
                return false;
            }
            delivery[0] = items.get(0).get("id").toString();
            return true;
        });
        String etag = as("procurement", hospital).get("/api/v1/endpoints/" + endpoint).getHeader("ETag");
        return new World()
                .set("hospital", hospital).set("vendor", vendor)
                .set("endpoint", endpoint).set("endpointEtag", etag).set("delivery", delivery[0])
                .set("receiverUrl", RECEIVER.url())
                .actsFor("procurement", hospital).actsFor("auditor", hospital)
                .actsFor("vendor", vendor).actsFor("catalog-admin", hospital);
    }
}
