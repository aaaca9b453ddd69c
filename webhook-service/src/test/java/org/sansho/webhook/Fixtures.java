package org.sansho.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sansho.testsupport.TestTokens;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscriptions through the API, and the suite's events as the other services publish them. */
public final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Fixtures() {
    }

    public static RequestSpecification as(String role, UUID organization) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, organization)).contentType(ContentType.JSON);
    }

    /** An endpoint and the secret it was given. */
    public record Subscribed(UUID id, String secret) {
    }

    private static final List<Runnable> REMOVALS = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static Subscribed subscribe(String role, UUID organization, String url, String... eventTypes) {
        var r = as(role, organization).body(Map.of("url", url, "eventTypes", List.of(eventTypes)))
                .post("/api/v1/endpoints").then().statusCode(201).extract();
        Subscribed s = new Subscribed(UUID.fromString(r.path("id")), r.path("secret"));
        REMOVALS.add(() -> as(role, organization).delete("/api/v1/endpoints/" + s.id()));
        return s;
    }

    /**
     * Removes the endpoints subscribed so far (with their deliveries), so that no test leaves retries running in the
     * background of the next one (the hostile-input suite compares every table before and after each case).
     */
    public static void removeSubscriptions() {
        REMOVALS.forEach(Runnable::run);
        REMOVALS.clear();
    }

    /** A structured-mode CloudEvent as the suite's services publish it; returns its id. */
    public static String publish(KafkaCompanion kafka, String topic, String type, String subject,
                                 Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", id)
                .put("source", "/sansho/test").put("type", type).put("subject", subject)
                .put("time", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .put("datacontenttype", "application/json");
        event.set("data", JSON.valueToTree(data));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, subject, event.toString())).awaitCompletion();
        return id;
    }

    /** A contract event of {@code contract} between {@code hospital} and {@code vendor}. */
    public static String contractEvent(KafkaCompanion kafka, String type, UUID contract, UUID hospital, UUID vendor) {
        return publish(kafka, "contract.events", type, contract.toString(), Map.of("contractId", contract.toString(),
                "hospitalId", hospital.toString(), "vendorId", vendor.toString(), "state", "DRAFT"));
    }
}
