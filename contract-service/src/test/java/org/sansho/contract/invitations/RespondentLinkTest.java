package org.sansho.contract.invitations;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.AuditTable;
import org.sansho.testsupport.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.sansho.contract.Fixtures.as;

/**
 * Respondent links: the hospital invites a vendor contact to one contract's disclosure package; the link's one-time
 * exchange gives a bearer token that reads and answers that package and nothing else, as the vendor.
 */
@QuarkusTest
class RespondentLinkTest {

    private static final String EXCHANGE = "/api/v1/respondent-links/exchange";
    private static final String LOCATION_ROW = "vendor-gl-table-4-1.1";
    private static final Map<String, Object> ANSWER = Map.of("statement", "データは東京リージョンのみに保存します",
            "evidence", List.of(Map.of("title", "データセンター所在地証明", "uri", "https://vendor.example/dc.pdf")));

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void an_invited_contact_exchanges_the_link_once_and_answers_the_disclosure_package_as_the_vendor() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        Response invited = invite(p, contract, Map.of("contactEmail", "security@vendor.example"));
        invited.then().statusCode(201).contentType(ContentType.JSON)
                .body("status", equalTo("PENDING")).body("scope", equalTo("DISCLOSURE"))
                .body("operations", contains("disclosure.read", "disclosure.answer"))
                .body("vendorId", equalTo(p.vendor().toString()))
                .body("exchangePath", equalTo(EXCHANGE));
        String link = invited.path("token");
        UUID invitation = UUID.fromString(invited.path("id"));
        assertThat(invited.header("Location")).endsWith("/respondent-invitations/" + invitation);
        // The store keeps the token's digest, never the token.
        assertThat(text("select token_hash from respondent_invitation where id = ?", invitation))
                .hasSize(64).isNotEqualTo(link);
        assertThat(text("select count(*) from respondent_invitation where token_hash = ? or contact_email = ?", link,
                link)).isEqualTo("0");

        Response exchanged = exchange(link);
        exchanged.then().statusCode(200).header("Cache-Control", equalTo("no-store"))
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(1800))
                .body("contractId", equalTo(contract.toString())).body("vendorId", equalTo(p.vendor().toString()));
        String bearer = exchanged.path("accessToken");

        String disclosure = "/api/v1/contracts/" + contract + "/disclosure";
        scoped(bearer).get(disclosure).then().statusCode(200).body("contractId", equalTo(contract.toString()));
        scoped(bearer).body(ANSWER).put(disclosure + "/items/" + LOCATION_ROW).then().statusCode(200);
        Response pkg = as("procurement", p.hospital()).get(disclosure);
        pkg.then().statusCode(200);
        assertThat(pkg.jsonPath().getString("items.find { it.key == '" + LOCATION_ROW + "' }.status"))
                .isEqualTo("ANSWERED");
        assertThat(pkg.jsonPath().getString("items.find { it.key == '" + LOCATION_ROW + "' }.answeredBy"))
                .isEqualTo("respondent:" + invitation);

        as("procurement", p.hospital()).get("/api/v1/contracts/" + contract + "/respondent-invitations").then()
                .statusCode(200).body("id", contains(invitation.toString()))
                .body("[0].status", equalTo("EXCHANGED")).body("[0].token", nullValue());

        // Every step is in the audit trail: made, exchanged, each use, and the answer by the respondent.
        new AuditTable(dataSource).awaitSealed();
        assertThat(rows("select action || ' by ' || actor_subject from audit_record where entity_id = ? order by seq",
                invitation.toString())).containsExactly(
                "respondent-invitation.created by user-procurement@" + p.hospital(),
                "respondent-invitation.exchanged by respondent:" + invitation,
                "respondent-invitation.used by respondent:" + invitation,
                "respondent-invitation.used by respondent:" + invitation);
        assertThat(rows("select actor_subject || ' ' || actor_org || ' ' || actor_roles from audit_record "
                + "where entity_id = ? and action = 'disclosure.answered'", contract.toString()))
                .containsExactly("respondent:" + invitation + " " + p.vendor() + " vendor");
    }

    @Test
    void the_scoped_token_reaches_no_other_contract_and_no_other_operation() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        UUID sibling = Fixtures.openContract(p);
        String bearer = exchange(invite(p, contract, Map.of("contactEmail", "a@vendor.example")).path("token"))
                .path("accessToken");

        // Another contract of the same vendor: as if it did not exist.
        refused(scoped(bearer).get("/api/v1/contracts/" + sibling + "/disclosure"), 404);
        refused(scoped(bearer).body(ANSWER).put("/api/v1/contracts/" + sibling + "/disclosure/items/" + LOCATION_ROW),
                404);
        // Operations its role (vendor) does not have: 403 as for any vendor token.
        refused(scoped(bearer).body(Map.of("contactEmail", "b@vendor.example"))
                .post("/api/v1/contracts/" + contract + "/respondent-invitations"), 403);
        refused(scoped(bearer).body(Fixtures.contractBody(p, "6.0", "2.0")).post("/api/v1/contracts"), 403);
        // Every other operation a vendor could call, on its own contract too: 403 outside-token-scope.
        for (Response r : List.of(
                scoped(bearer).get("/api/v1/contracts/" + contract),
                scoped(bearer).get("/api/v1/contracts"),
                scoped(bearer).get("/api/v1/contracts/" + contract + "/history"),
                scoped(bearer).body(Map.of("copyFrom", sibling.toString()))
                        .post("/api/v1/contracts/" + contract + "/disclosure/copy"),
                scoped(bearer).body(Map.of("summary", "障害", "ciaImpact", List.of("A"),
                                "detectedAt", "2025-06-01T08:00:00+09:00", "notifiedAt", "2025-06-01T08:30:00+09:00"))
                        .post("/api/v1/contracts/" + contract + "/incidents"),
                scoped(bearer).get("/api/v1/organizations/" + p.vendor()),
                scoped(bearer).body(Map.of("scheme", "ISMS", "issuedOn", "2024-04-01", "expiresOn", "2099-03-31"))
                        .post("/api/v1/organizations/" + p.vendor() + "/certifications"))) {
            refused(r, 403).then().body("type", equalTo("https://sansho.dev/problems/outside-token-scope"));
        }
        // Nothing was created by those calls.
        assertThat(text("select count(*) from contract where vendor_id = ?", p.vendor())).isEqualTo("2");
        assertThat(text("select count(*) from respondent_invitation where contract_id = ?", contract)).isEqualTo("1");
        assertThat(text("select count(*) from disclosure_package where contract_id = ?", sibling)).isEqualTo("0");
    }

    @Test
    void a_link_is_exchanged_once_even_when_exchanges_race() throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String link = invite(p, contract, Map.of("contactEmail", "c@vendor.example")).path("token");
        exchange(link).then().statusCode(200);
        refused(exchange(link), 410).then()
                .body("type", equalTo("https://sansho.dev/problems/respondent-link-exchanged"));

        String raced = invite(p, contract, Map.of("contactEmail", "d@vendor.example")).path("token");
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return exchange(raced).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 410);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        new AuditTable(dataSource).awaitSealed();
        assertThat(text("select count(*) from audit_record a join respondent_invitation i on a.entity_id = "
                + "i.id::text where i.contract_id = ? and a.action = 'respondent-invitation.exchanged'", contract))
                .isEqualTo("2");
    }

    @Test
    void an_expired_link_is_refused() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String week = invite(p, contract, Map.of("contactEmail", "e@vendor.example")).path("token");
        String day = invite(p, contract, Map.of("contactEmail", "f@vendor.example", "validForDays", 1)).path("token");
        Instant now = clock.instant();
        QuarkusMock.installMockForType(Clock.fixed(now.plus(Duration.ofDays(2)), clock.getZone()), Clock.class);
        refused(exchange(day), 410).then()
                .body("type", equalTo("https://sansho.dev/problems/respondent-link-expired"));
        QuarkusMock.installMockForType(Clock.fixed(now.plus(Duration.ofDays(7).plusMinutes(1)), clock.getZone()),
                Clock.class);
        refused(exchange(week), 410).then()
                .body("type", equalTo("https://sansho.dev/problems/respondent-link-expired"));
        as("procurement", p.hospital()).get("/api/v1/contracts/" + contract + "/respondent-invitations").then()
                .statusCode(200).body("status", contains("EXPIRED", "EXPIRED"));
    }

    @Test
    void a_revoked_link_is_refused_and_so_is_the_token_its_exchange_gave() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + contract + "/respondent-invitations";
        Response unused = invite(p, contract, Map.of("contactEmail", "g@vendor.example"));
        as("procurement", p.hospital()).post(base + "/" + unused.path("id") + "/revocation").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revokedBy", equalTo("user-procurement@" + p.hospital()));
        refused(exchange(unused.path("token")), 410).then()
                .body("type", equalTo("https://sansho.dev/problems/respondent-link-revoked"));
        refused(as("procurement", p.hospital()).post(base + "/" + unused.path("id") + "/revocation"), 409);

        Response used = invite(p, contract, Map.of("contactEmail", "h@vendor.example"));
        String bearer = exchange(used.path("token")).path("accessToken");
        scoped(bearer).get("/api/v1/contracts/" + contract + "/disclosure").then().statusCode(200);
        as("procurement", p.hospital()).post(base + "/" + used.path("id") + "/revocation").then().statusCode(200);
        refused(scoped(bearer).get("/api/v1/contracts/" + contract + "/disclosure"), 401).then()
                .body("type", equalTo("https://sansho.dev/problems/token-revoked"));
        refused(scoped(bearer).body(ANSWER).put("/api/v1/contracts/" + contract + "/disclosure/items/"
                + LOCATION_ROW), 401);
        assertThat(text("select count(*) from disclosure_package where contract_id = ?", contract)).isEqualTo("0");

        // Each revocation is told to the other services on contract.events, keyed by the contract; the refused
        // second revocation tells nothing.
        List<JsonNode> revoked = await().atMost(Duration.ofSeconds(30)).until(() -> revocations(contract),
                l -> l.size() == 2);
        assertThat(revoked).extracting(e -> e.path("data").path("invitationId").asText())
                .containsExactly(unused.path("id").toString(), used.path("id").toString());
        JsonNode data = revoked.get(1).path("data");
        assertThat(revoked.get(1).path("subject").asText()).isEqualTo(contract.toString());
        assertThat(data.path("contractId").asText()).isEqualTo(contract.toString());
        assertThat(data.path("hospitalId").asText()).isEqualTo(p.hospital().toString());
        assertThat(data.path("vendorId").asText()).isEqualTo(p.vendor().toString());
        assertThat(data.path("scope").asText()).isEqualTo("DISCLOSURE");
        assertThat(Instant.parse(data.path("revokedAt").asText()).truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(Instant.parse(as("procurement", p.hospital()).get(base).then().statusCode(200).extract()
                        .<String>path("find { it.id == '" + used.path("id") + "' }.revokedAt"))
                        .truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<JsonNode> revocations(UUID contract) {
        ObjectMapper json = new ObjectMapper();
        return TopicRecords.forKey("contract.events", contract.toString()).stream().map(r -> {
            try {
                return json.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(e -> "org.sansho.contract.respondent-invitation.revoked.v1".equals(e.path("type").asText()))
                .toList();
    }

    @Test
    void only_the_contracts_hospital_invites_lists_and_revokes() {
        Fixtures.Parties p = Fixtures.parties();
        Fixtures.Parties other = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + contract + "/respondent-invitations";
        Response invited = invite(p, contract, Map.of("contactEmail", "i@vendor.example"));
        String revocation = base + "/" + invited.path("id") + "/revocation";

        // Another hospital: the contract and its invitations do not exist for it.
        refused(as("procurement", other.hospital()).get(base), 404);
        refused(as("procurement", other.hospital()).post(revocation), 404);
        refused(as("procurement", other.hospital()).body(Map.of("contactEmail", "x@vendor.example")).post(base), 404);
        // The vendor itself does not invite, list or revoke.
        refused(as("vendor", p.vendor()).body(Map.of("contactEmail", "x@vendor.example")).post(base), 403);
        refused(as("vendor", p.vendor()).get(base), 403);
        refused(as("vendor", p.vendor()).post(revocation), 403);
        // An invitation of another contract is not found under this one.
        UUID sibling = Fixtures.openContract(p);
        refused(as("procurement", p.hospital()).post("/api/v1/contracts/" + sibling
                + "/respondent-invitations/" + invited.path("id") + "/revocation"), 404);
        as("auditor", p.hospital()).get(base).then().statusCode(200).body("status", contains("PENDING"));
    }

    @Test
    void bad_invitations_and_exchanges_are_refused_and_change_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + contract + "/respondent-invitations";
        long audit = new AuditTable(dataSource).count();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of(), Map.of("contactEmail", ""), Map.of("contactEmail", "not an address"),
                Map.of("contactEmail", "a@vendor.example", "validForDays", 0),
                Map.of("contactEmail", "a@vendor.example", "validForDays", 31),
                Map.of("contactEmail", "a@vendor.example", "scope", "EVERYTHING"),
                Map.of("contactEmail", "a".repeat(250) + "@vendor.example"))) {
            refused(as("procurement", p.hospital()).body(body).post(base), 400);
        }
        refused(as("procurement", p.hospital()).post(base + "/not-a-uuid/revocation"), 404);
        refused(as("procurement", p.hospital()).post(base + "/" + UUID.randomUUID() + "/revocation"), 404);
        refused(RestAssured.given().contentType(ContentType.JSON).body(Map.of()).post(EXCHANGE), 400);
        refused(RestAssured.given().contentType(ContentType.JSON).body("{\"token\":").post(EXCHANGE), 400);
        refused(exchange("' OR '1'='1"), 404);
        refused(exchange("A".repeat(43)), 404);
        refused(exchange("A".repeat(201)), 400);
        assertThat(text("select count(*) from respondent_invitation where contract_id = ?", contract)).isEqualTo("0");
        assertThat(new AuditTable(dataSource).count()).isEqualTo(audit);
    }

    private static Response invite(Fixtures.Parties p, UUID contract, Map<String, Object> body) {
        return as("procurement", p.hospital()).body(body)
                .post("/api/v1/contracts/" + contract + "/respondent-invitations");
    }

    private static Response exchange(String token) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("token", token)).post(EXCHANGE);
    }

    private static RequestSpecification scoped(String bearer) {
        return RestAssured.given().auth().oauth2(bearer).contentType(ContentType.JSON);
    }

    private static Response refused(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json");
        return r;
    }

    private String text(String sql, Object... args) {
        List<String> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<String> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i] instanceof UUID u ? u : args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
