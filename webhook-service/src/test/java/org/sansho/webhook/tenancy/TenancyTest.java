package org.sansho.webhook.tenancy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sansho.platform.tenancy.NoTenantScopeException;
import org.sansho.platform.tenancy.Tenancy;
import org.sansho.testsupport.tenancy.ForgottenClause;
import org.sansho.webhook.Fixtures;
import org.sansho.webhook.Fixtures.Subscribed;
import org.sansho.webhook.Receiver;
import org.sansho.webhook.deliveries.persistence.Delivery;
import org.sansho.webhook.subscriptions.persistence.WebhookEndpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.sansho.testsupport.tenancy.ForgottenClause.found;
import static org.sansho.testsupport.tenancy.ForgottenClause.rows;
import static org.sansho.testsupport.tenancy.ForgottenClause.values;
import static org.sansho.webhook.Fixtures.as;
import static org.sansho.webhook.Fixtures.contractEvent;
import static org.sansho.webhook.Fixtures.subscribe;

/**
 * Tenancy is enforced below the resources, on the webhook-service's own tables too: a query or a load by id written
 * without any tenancy clause ({@link ForgottenClauseResource}, {@link ForgottenClause}) still sees only the caller's endpoints, secrets,
 * deliveries and attempts, and work without a caller that forgot to declare the system scope fails instead of
 * reading.
 */
@QuarkusTest
class TenancyTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    UUID a;
    UUID b;
    Subscribed endpointOfA;
    Subscribed endpointOfB;
    Receiver receiverOfA;
    Receiver receiverOfB;
    String deliveryOfA;
    String deliveryOfB;

    @BeforeEach
    void twoOrganizationsWithAnEndpointAndADeliveredEventEach() {
        a = UUID.randomUUID();
        b = UUID.randomUUID();
        receiverOfA = Receiver.accepting();
        receiverOfB = Receiver.accepting();
        endpointOfA = subscribe("procurement", a, receiverOfA.url(), "org.sansho.contract.*");
        endpointOfB = subscribe("vendor", b, receiverOfB.url(), "org.sansho.contract.*");
        contractEvent(kafka, "org.sansho.contract.created.v1", UUID.randomUUID(), a, UUID.randomUUID());
        contractEvent(kafka, "org.sansho.contract.created.v1", UUID.randomUUID(), UUID.randomUUID(), b);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiverOfA.accepted().size() == 1
                && receiverOfB.accepted().size() == 1);
        deliveryOfA = deliveryOf("procurement", a, endpointOfA);
        deliveryOfB = deliveryOf("vendor", b, endpointOfB);
        // The attempt is recorded just after the receiver answered.
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(
                as("procurement", a).get("/api/v1/endpoints/" + endpointOfA.id() + "/deliveries/" + deliveryOfA)
                        .then().extract().path("delivery.status"))
                && "DELIVERED".equals(as("vendor", b).get("/api/v1/endpoints/" + endpointOfB.id()
                        + "/deliveries/" + deliveryOfB).then().extract().path("delivery.status")));
    }

    @AfterEach
    void removeEndpoints() {
        Fixtures.removeSubscriptions();
        receiverOfA.close();
        receiverOfB.close();
    }

    @Test
    void a_plain_list_of_every_endpoint_answers_only_the_callers() {
        List<Map<String, String>> seen = rows(as("procurement", a), "WebhookEndpoint", "id", "organizationId");
        assertThat(seen).extracting(e -> e.get("id")).containsExactly(endpointOfA.id().toString());
        assertThat(seen).allSatisfy(e -> assertThat(e.get("organizationId")).isEqualTo(a.toString()));

        assertThat(values(as("auditor", b), "WebhookEndpoint", "id")).containsExactly(endpointOfB.id().toString());
    }

    @Test
    void a_load_by_id_of_another_organizations_endpoint_or_delivery_finds_nothing() {
        assertThat(found(as("procurement", a), "WebhookEndpoint", endpointOfA.id())).isTrue();
        assertThat(found(as("procurement", a), "WebhookEndpoint", endpointOfB.id())).isFalse();
        assertThat(found(as("procurement", a), "Delivery", deliveryOfA)).isTrue();
        assertThat(found(as("procurement", a), "Delivery", deliveryOfB)).isFalse();
        // and through the API: 404, as for a row that does not exist
        as("procurement", a).get("/api/v1/endpoints/" + endpointOfB.id()).then().statusCode(404);
        as("procurement", a).get("/api/v1/endpoints/" + endpointOfB.id() + "/deliveries/" + deliveryOfB).then()
                .statusCode(404);
    }

    @Test
    void the_rows_that_belong_to_an_endpoint_are_seen_only_with_it() {
        for (String entity : List.of("EndpointSecret", "Delivery")) {
            assertThat(values(as("vendor", b), entity, "endpointId")).as(entity).isNotEmpty()
                    .containsOnly(endpointOfB.id().toString());
        }
        assertThat(values(as("procurement", a), "DeliveryAttempt", "deliveryId")).containsExactly(deliveryOfA);
    }

    @Test
    void a_caller_without_an_organization_sees_none_and_a_service_token_every_one() {
        assertThat(values(as("procurement", null), "WebhookEndpoint", "id")).isEmpty();
        assertThat(values(as("service", null), "WebhookEndpoint", "id")).contains(endpointOfA.id().toString(), endpointOfB.id().toString());
    }

    @Test
    void the_queries_without_a_tenancy_clause_answer_no_one_without_a_token() {
        given().queryParam("attribute", "id").get(ForgottenClause.PATH + "/WebhookEndpoint").then().statusCode(401);
        given().get(ForgottenClause.PATH + "/WebhookEndpoint/" + endpointOfA.id()).then().statusCode(401);
    }

    @Test
    void a_read_with_no_caller_and_no_system_scope_fails_loudly() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.findById(
                endpointOfA.id()))).isInstanceOf(NoTenantScopeException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> Delivery.listAll()))
                .isInstanceOf(NoTenantScopeException.class);
        Object underSystemScope = QuarkusTransaction.requiringNew().call(() -> Tenancy.system("tenancy test",
                () -> WebhookEndpoint.findById(endpointOfA.id())));
        assertThat(underSystemScope).isNotNull();
    }

    private static String deliveryOf(String role, UUID org, Subscribed endpoint) {
        List<String> ids = as(role, org).get("/api/v1/endpoints/" + endpoint.id() + "/deliveries").then()
                .statusCode(200).extract().path("items.id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }
}
