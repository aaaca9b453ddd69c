package org.sansho.webhook.deliveries;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.response.ExtractableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.webhook.Fixtures;
import org.sansho.webhook.Fixtures.Subscribed;
import org.sansho.webhook.Receiver;
import org.sansho.webhook.Receiver.Received;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.webhook.Fixtures.as;
import static org.sansho.webhook.Fixtures.contractEvent;
import static org.sansho.webhook.Fixtures.publish;
import static org.sansho.webhook.Fixtures.subscribe;

@QuarkusTest
class DeliveryTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @org.junit.jupiter.api.AfterEach
    void removeEndpoints() {
        Fixtures.removeSubscriptions();
    }

    @Test
    void a_subscriber_receives_signed_the_events_of_its_own_contracts_that_its_patterns_match() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        try (Receiver hospitalSide = Receiver.accepting(); Receiver vendorSide = Receiver.accepting();
             Receiver strangerSide = Receiver.accepting()) {
            Subscribed h = subscribe("procurement", hospital, hospitalSide.url(), "org.sansho.contract.*");
            Subscribed v = subscribe("vendor", vendor, vendorSide.url(), "org.sansho.assessment.completed.v1");
            Subscribed s = subscribe("procurement", stranger, strangerSide.url(), "*");
            hospitalSide.verifyWith(h.secret());
            vendorSide.verifyWith(v.secret());
            strangerSide.verifyWith(s.secret());
            UUID contract = UUID.randomUUID();
            String created = contractEvent(kafka, "org.sansho.contract.created.v1", contract, hospital, vendor);
            String completed = publish(kafka, "assessment.events", "org.sansho.assessment.completed.v1",
                    contract.toString(), Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                            "vendorId", vendor.toString(), "verdict", "ACCEPTABLE"));
            publish(kafka, "assessment.events", "org.sansho.assessment.opened.v1", contract.toString(),
                    Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                            "vendorId", vendor.toString()));
            String guideline = publish(kafka, "catalog.events", "org.sansho.catalog.guideline-version.published.v1",
                    "mhlw-" + UUID.randomUUID(), Map.of("guidelineId", "mhlw", "version", "6.1"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(hospitalSide.accepted()).extracting(Received::webhookId).contains(created);
                assertThat(vendorSide.accepted()).extracting(Received::webhookId).contains(completed);
                assertThat(strangerSide.accepted()).extracting(Received::webhookId).contains(guideline);
            });
            // A last event to each, so that anything wrongly planned before it has been sent by then.
            String last = contractEvent(kafka, "org.sansho.contract.amended.v1", contract, hospital, vendor);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(hospitalSide.accepted()).extracting(Received::webhookId).contains(last));

            assertThat(hospitalSide.all()).extracting(Received::webhookId).containsExactly(created, last);
            assertThat(vendorSide.all()).extracting(Received::webhookId).containsExactly(completed);
            assertThat(strangerSide.all()).extracting(Received::webhookId).containsExactly(guideline);
            List<Received> all = new ArrayList<>(hospitalSide.all());
            all.addAll(vendorSide.all());
            all.addAll(strangerSide.all());
            assertThat(all).allSatisfy(r -> {
                assertThat(r.verified()).as("verified by the reference library").isTrue();
                assertThat(r.event().path("id").asText()).isEqualTo(r.webhookId());
                assertThat(r.event().path("specversion").asText()).isEqualTo("1.0");
                assertThat(r.signature()).startsWith("v1,");
            });
        }
    }

    @Test
    void the_vendor_receives_a_risk_acceptance_without_who_approved_it_and_why_the_hospital_with() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        try (Receiver hospitalSide = Receiver.accepting(); Receiver vendorSide = Receiver.accepting()) {
            subscribe("procurement", hospital, hospitalSide.url(), "org.sansho.assessment.*");
            subscribe("vendor", vendor, vendorSide.url(), "org.sansho.assessment.*");
            UUID contract = UUID.randomUUID();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("findingId", UUID.randomUUID().toString());
            data.put("contractId", contract.toString());
            data.put("hospitalId", hospital.toString());
            data.put("vendorId", vendor.toString());
            data.put("status", "RISK_ACCEPTED");
            data.put("riskAcceptance", Map.of("approver", "情報システム部長 佐藤", "justification",
                    "更新予定のため一時的に受容", "expiresOn", "2027-03-31"));
            String id = publish(kafka, "assessment.events", "org.sansho.assessment.finding.risk-accepted.v1",
                    contract.toString(), data);
            await().atMost(Duration.ofSeconds(30)).until(() -> hospitalSide.accepted().size() == 1
                    && vendorSide.accepted().size() == 1);
            Received seenByHospital = hospitalSide.accepted().get(0);
            Received seenByVendor = vendorSide.accepted().get(0);
            assertThat(seenByVendor.webhookId()).isEqualTo(id).isEqualTo(seenByHospital.webhookId());
            assertThat(seenByHospital.event().at("/data/riskAcceptance/approver").asText()).isEqualTo("情報システム部長 佐藤");
            assertThat(seenByHospital.event().at("/data/riskAcceptance/justification").isMissingNode()).isFalse();
            assertThat(seenByVendor.event().at("/data/riskAcceptance/approver").isMissingNode()).isTrue();
            assertThat(seenByVendor.event().at("/data/riskAcceptance/justification").isMissingNode()).isTrue();
            assertThat(seenByVendor.event().at("/data/riskAcceptance/expiresOn").asText()).isEqualTo("2027-03-31");
            assertThat(seenByVendor.body()).doesNotContain("佐藤").doesNotContain("受容");
        }
    }

    @Test
    void a_respondent_invitations_revocation_goes_to_the_hospital_and_never_to_the_vendor() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        try (Receiver hospitalSide = Receiver.accepting(); Receiver vendorSide = Receiver.accepting()) {
            subscribe("procurement", hospital, hospitalSide.url(), "org.sansho.contract.*");
            subscribe("vendor", vendor, vendorSide.url(), "*");
            UUID contract = UUID.randomUUID();
            String revoked = publish(kafka, "contract.events", "org.sansho.contract.respondent-invitation.revoked.v1",
                    contract.toString(), Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                            "vendorId", vendor.toString(), "invitationId", UUID.randomUUID().toString(),
                            "scope", "ASSESSMENT", "revokedAt", OffsetDateTime.now(ZoneOffset.UTC).toString()));
            // A later event of the same contract to both sides: once it arrived, the revocation was planned or not.
            String amended = contractEvent(kafka, "org.sansho.contract.amended.v1", contract, hospital, vendor);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(hospitalSide.accepted()).extracting(Received::webhookId).contains(revoked, amended);
                assertThat(vendorSide.accepted()).extracting(Received::webhookId).contains(amended);
            });
            assertThat(hospitalSide.all()).extracting(Received::webhookId).containsExactly(revoked, amended);
            assertThat(vendorSide.all()).extracting(Received::webhookId).containsExactly(amended);
        }
    }

    @Test
    void a_receiver_that_fails_then_recovers_gets_every_event_once_in_order_per_contract() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        // The first eight calls fail: 500s, a 503, and two that take longer than the read timeout.
        try (Receiver receiver = Receiver.start(call -> {
            if (call == 3 || call == 6) {
                Thread.sleep(1_500);
                return 500;
            }
            return call <= 8 ? (call % 2 == 0 ? 503 : 500) : 200;
        })) {
            Subscribed s = subscribe("procurement", hospital, receiver.url(), "org.sansho.contract.*");
            receiver.verifyWith(s.secret());
            List<UUID> contracts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            Map<String, List<String>> published = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                for (UUID c : contracts) {
                    published.computeIfAbsent(c.toString(), k -> new ArrayList<>()).add(
                            contractEvent(kafka, "org.sansho.contract.state-changed.v1", c, hospital, vendor));
                }
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.accepted().size() >= 15);
            List<Received> accepted = receiver.accepted();
            assertThat(accepted).hasSize(15).allSatisfy(r -> assertThat(r.verified()).isTrue());
            assertThat(accepted.stream().map(Received::webhookId).distinct()).hasSize(15);
            Map<String, List<String>> arrived = accepted.stream().collect(Collectors.groupingBy(Received::subject,
                    LinkedHashMap::new, Collectors.mapping(Received::webhookId, Collectors.toList())));
            assertThat(arrived).isEqualTo(published);
            assertThat(receiver.all().size()).as("the failed calls were retried").isGreaterThan(15);
            System.out.printf("fail-then-recover: 15 events, %d calls, %d accepted, 0 lost, 0 duplicated%n",
                    receiver.all().size(), accepted.size());

            // The delivery log shows the failed attempts with status, latency and the receiver's answer.
            String retried = accepted.get(0).webhookId();
            var log = as("auditor", hospital).get("/api/v1/endpoints/" + s.id() + "/deliveries?size=100")
                    .then().statusCode(200).extract();
            assertThat(log.<List<String>>path("items.status")).hasSize(15).containsOnly("DELIVERED");
            String deliveryId = log.<List<Map<String, Object>>>path("items").stream()
                    .filter(d -> retried.equals(d.get("eventId"))).findFirst().orElseThrow().get("id").toString();
            var detail = as("auditor", hospital).get("/api/v1/endpoints/" + s.id() + "/deliveries/" + deliveryId)
                    .then().statusCode(200).extract();
            List<Map<String, Object>> attempts = detail.path("attempts");
            assertThat(attempts).hasSizeGreaterThan(1);
            assertThat(attempts.get(attempts.size() - 1)).containsEntry("outcome", "SUCCEEDED")
                    .containsEntry("statusCode", 200);
            assertThat(attempts.get(0).get("outcome")).isEqualTo("FAILED");
            assertThat(attempts).allSatisfy(a -> assertThat(a.get("latencyMs")).isNotNull());
            assertThat(attempts.stream().map(a -> a.get("responseExcerpt")).filter(x -> x != null).toList())
                    .anySatisfy(x -> assertThat(x.toString()).contains("received"));
        }
    }

    @Test
    void a_dead_endpoint_does_not_delay_a_healthy_one_is_disabled_after_the_failure_period_and_says_so() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        try (Receiver dead = Receiver.start(call -> {
            Thread.sleep(3_000);
            return 500;
        }); Receiver healthy = Receiver.accepting()) {
            Subscribed d = subscribe("procurement", hospital, dead.url(), "org.sansho.contract.*");
            Subscribed h = subscribe("procurement", hospital, healthy.url(), "org.sansho.contract.*");
            dead.verifyWith(d.secret());
            healthy.verifyWith(h.secret());
            long start = System.nanoTime();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(contractEvent(kafka, "org.sansho.contract.amended.v1", UUID.randomUUID(), hospital, vendor));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> healthy.accepted().size() == 10);
            long healthyMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(healthy.accepted()).extracting(Received::webhookId).containsExactlyInAnyOrderElementsOf(ids);
            // Each went out once, while the dead endpoint was still timing out on the same events.
            assertThat(healthy.all()).hasSize(10);
            assertThat(as("procurement", hospital).get("/api/v1/endpoints/" + d.id() + "/deliveries?status=PENDING")
                    .then().statusCode(200).extract().<Integer>path("totalItems")).isEqualTo(10);
            System.out.printf("dead and healthy endpoint: the healthy one had all 10 events after %d ms, the dead "
                    + "one none%n", healthyMillis);

            // Failing for longer than the period (15 s in the tests): disabled, and announced on webhook.events.
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    as("procurement", hospital).get("/api/v1/endpoints/" + d.id()).then().statusCode(200)
                            .body("enabled", org.hamcrest.Matchers.is(false))
                            .body("disabledReason", org.hamcrest.Matchers.startsWith("failing since")));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !TopicRecords.forKey("webhook.events", d.id().toString()).isEmpty());
            List<ConsumerRecord<String, String>> disabled = TopicRecords.forKey("webhook.events", d.id().toString());
            ConsumerRecord<String, String> event = disabled.get(0);
            assertThat(event.value()).contains("org.sansho.webhook.endpoint.disabled.v1")
                    .contains(hospital.toString());
            assertThat(disabled).hasSize(1);
            assertThat(healthy.accepted()).hasSize(10);
            assertThat(as("procurement", hospital).get("/api/v1/endpoints/" + h.id()).then().extract()
                    .<Boolean>path("enabled")).isTrue();

            // The owner re-enables it once the receiver works again: what waited is delivered.
            dead.behave(call -> 200);
            String etag = as("procurement", hospital).get("/api/v1/endpoints/" + d.id()).getHeader("ETag");
            as("procurement", hospital).header("If-Match", etag).body(Map.of("enabled", true))
                    .patch("/api/v1/endpoints/" + d.id()).then().statusCode(200)
                    .body("enabled", org.hamcrest.Matchers.is(true));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dead.accepted())
                    .extracting(Received::webhookId).containsAll(ids));
        }
    }

    @Test
    void a_replay_sends_one_delivery_or_a_time_range_again_with_the_same_webhook_id() {
        UUID hospital = UUID.randomUUID();
        try (Receiver receiver = Receiver.accepting()) {
            Subscribed s = subscribe("procurement", hospital, receiver.url(), "*");
            receiver.verifyWith(s.secret());
            OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
            UUID contract = UUID.randomUUID();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(contractEvent(kafka, "org.sansho.contract.amended.v1", contract, hospital, UUID.randomUUID()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 3);
            ExtractableResponse<?> log = as("procurement", hospital)
                    .get("/api/v1/endpoints/" + s.id() + "/deliveries").then().statusCode(200).extract();
            String first = log.<List<Map<String, Object>>>path("items").stream()
                    .filter(d -> ids.get(0).equals(d.get("eventId"))).findFirst().orElseThrow().get("id").toString();

            as("procurement", hospital).post("/api/v1/endpoints/" + s.id() + "/deliveries/" + first + "/replay")
                    .then().statusCode(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 4);
            assertThat(receiver.accepted().get(3).webhookId()).isEqualTo(ids.get(0));

            OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1);
            as("procurement", hospital).body(Map.of("from", from.toString(), "to", to.toString()))
                    .post("/api/v1/endpoints/" + s.id() + "/replay").then().statusCode(202)
                    .body("deliveries", org.hamcrest.Matchers.is(3));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 7);
            assertThat(receiver.accepted().subList(4, 7)).extracting(Received::webhookId)
                    .containsExactlyElementsOf(ids);
            assertThat(receiver.all()).allSatisfy(r -> assertThat(r.verified()).isTrue());
            List<Map<String, Object>> attempts = as("procurement", hospital)
                    .get("/api/v1/endpoints/" + s.id() + "/deliveries/" + first).then().statusCode(200)
                    .extract().path("attempts");
            assertThat(attempts).extracting(a -> a.get("replay")).containsExactly(false, true, true);

            // A range the wrong way round is refused.
            as("procurement", hospital).body(Map.of("from", to.toString(), "to", from.toString()))
                    .post("/api/v1/endpoints/" + s.id() + "/replay").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void after_a_rotation_deliveries_carry_both_signatures_until_the_overlap_ends() {
        UUID vendor = UUID.randomUUID();
        try (Receiver receiver = Receiver.accepting()) {
            Subscribed s = subscribe("vendor", vendor, receiver.url(), "org.sansho.contract.*");
            String rotated = as("vendor", vendor).body(Map.of("overlapSeconds", 3600))
                    .post("/api/v1/endpoints/" + s.id() + "/secret/rotation").then().statusCode(200)
                    .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                    .extract().path("secret");
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(s.secret());
            receiver.verifyWith(s.secret());
            contractEvent(kafka, "org.sansho.contract.amended.v1", UUID.randomUUID(), UUID.randomUUID(), vendor);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            receiver.verifyWith(rotated);
            contractEvent(kafka, "org.sansho.contract.amended.v1", UUID.randomUUID(), UUID.randomUUID(), vendor);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 2);
            assertThat(receiver.all()).allSatisfy(r -> {
                assertThat(r.verified()).isTrue();
                assertThat(r.signature().split(" ")).hasSize(2);
            });

            // A rotation without overlap: only the new secret signs from now on.
            String third = as("vendor", vendor).body(Map.of("overlapSeconds", 0))
                    .post("/api/v1/endpoints/" + s.id() + "/secret/rotation").then().statusCode(200)
                    .extract().path("secret");
            receiver.verifyWith(rotated);
            contractEvent(kafka, "org.sansho.contract.amended.v1", UUID.randomUUID(), UUID.randomUUID(), vendor);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.all().size() == 3);
            assertThat(receiver.all().get(2).verified()).as("the previous secret no longer signs").isFalse();
            assertThat(receiver.all().get(2).signature().split(" ")).hasSize(1);
            assertThat(new LinkedHashSet<>(List.of(s.secret(), rotated, third))).hasSize(3);
        }
    }
}
