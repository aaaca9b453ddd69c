package org.sansho.webhook.subscriptions;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sansho.webhook.Fixtures;
import org.sansho.webhook.Fixtures.Subscribed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.sansho.webhook.Fixtures.as;
import static org.sansho.webhook.Fixtures.subscribe;

@QuarkusTest
class EndpointApiTest {

    @Inject
    AgroalDataSource db;

    @AfterEach
    void removeEndpoints() {
        Fixtures.removeSubscriptions();
    }

    @Test
    void subscribing_answers_the_secret_once_and_reading_never_shows_it() {
        UUID hospital = UUID.randomUUID();
        var created = as("procurement", hospital)
                .body(Map.of("url", "https://hooks.example-hospital.jp/sansho", "description", "電子カルテ連携",
                        "eventTypes", List.of("org.sansho.contract.*", "org.sansho.contract.*")))
                .post("/api/v1/endpoints").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/endpoints/"))
                .body("secret", startsWith("whsec_"))
                .body("eventTypes", equalTo(List.of("org.sansho.contract.*")))
                .body("enabled", is(true)).body("organizationId", equalTo(hospital.toString()))
                .extract();
        String id = created.path("id");
        as("auditor", hospital).get("/api/v1/endpoints/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").body("secret", nullValue()).body("url", equalTo(
                        "https://hooks.example-hospital.jp/sansho"));
        as("auditor", hospital).get("/api/v1/endpoints").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items[0].secret", nullValue());
        assertThat(count("select count(*) from webhook_secret s join webhook_endpoint e on e.id = s.endpoint_id "
                + "where e.id = '" + id + "' and position('" + created.<String>path("secret").substring(6)
                + "' in encode(s.ciphertext, 'base64')) = 0")).as("stored encrypted").isEqualTo(1);
        as("procurement", hospital).delete("/api/v1/endpoints/" + id).then().statusCode(204);
        as("procurement", hospital).get("/api/v1/endpoints/" + id).then().statusCode(404);
    }

    @Test
    void another_organizations_endpoint_is_not_found_for_reading_changing_rotating_or_its_log() {
        UUID hospital = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Subscribed s = subscribe("procurement", hospital, "https://hooks.example-hospital.jp/a", "*");
        String path = "/api/v1/endpoints/" + s.id();
        as("procurement", other).get(path).then().statusCode(404).contentType("application/problem+json");
        as("auditor", other).get(path + "/deliveries").then().statusCode(404);
        as("procurement", other).header("If-Match", "\"0\"").body(Map.of("description", "x")).patch(path)
                .then().statusCode(404);
        as("procurement", other).body(Map.of()).post(path + "/secret/rotation").then().statusCode(404);
        as("procurement", other).delete(path).then().statusCode(404);
        as("procurement", other).get("/api/v1/endpoints").then().statusCode(200).body("items", equalTo(List.of()));
        as("auditor", hospital).body(Map.of("url", "https://hooks.example.jp/x", "eventTypes", List.of("*")))
                .post("/api/v1/endpoints").then().statusCode(403).contentType("application/problem+json");
        as("procurement", hospital).get(path).then().statusCode(200).body("description", nullValue());
    }

    @Test
    void a_change_needs_the_current_etag_and_changes_only_what_it_names() {
        UUID vendor = UUID.randomUUID();
        Subscribed s = subscribe("vendor", vendor, "https://hooks.example-vendor.jp/a", "org.sansho.assessment.*");
        String path = "/api/v1/endpoints/" + s.id();
        as("vendor", vendor).body(Map.of("description", "x")).patch(path).then().statusCode(428);
        as("vendor", vendor).header("If-Match", "\"7\"").body(Map.of("description", "x")).patch(path)
                .then().statusCode(412);
        as("vendor", vendor).header("If-Match", "\"0\"").body(Map.of("description", "監視連携")).patch(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("description", equalTo("監視連携"))
                .body("eventTypes", equalTo(List.of("org.sansho.assessment.*")));
    }

    @Test
    void invalid_subscriptions_are_refused_with_a_problem_and_nothing_is_stored() {
        UUID hospital = UUID.randomUUID();
        long before = count("select count(*) from webhook_endpoint");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", "http://hooks.example-hospital.jp/a", "eventTypes", List.of("*")),
                Map.of("url", "https://10.1.2.3/a", "eventTypes", List.of("*")),
                Map.of("url", "https://169.254.169.254/latest/meta-data", "eventTypes", List.of("*")),
                Map.of("url", "https://[fd12::1]/a", "eventTypes", List.of("*")),
                Map.of("url", "https://intranet/a", "eventTypes", List.of("*")),
                Map.of("url", "https://hooks.example.jp/a", "eventTypes", List.of("org.*.created")),
                Map.of("url", "https://hooks.example.jp/a", "eventTypes", List.of()),
                Map.of("url", "https://hooks.example.jp/a"))) {
            as("procurement", hospital).body(bad).post("/api/v1/endpoints").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(count("select count(*) from webhook_endpoint")).isEqualTo(before);
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
