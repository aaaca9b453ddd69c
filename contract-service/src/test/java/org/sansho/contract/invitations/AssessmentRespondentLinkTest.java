package org.sansho.contract.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.sansho.contract.Fixtures.as;

/**
 * Respondent links of scope ASSESSMENT: the hospital invites a vendor contact to the contract's assessments (answered
 * in the assessment-service, whose own tests use such a token); here the link is made, exchanged once, and its token
 * names the contract and the assessment operations only, so that it can do nothing in this service.
 */
@QuarkusTest
class AssessmentRespondentLinkTest {

    private static final String EXCHANGE = "/api/v1/respondent-links/exchange";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void an_assessment_link_gives_a_token_scoped_to_the_contract_and_the_assessment_operations() throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        Response invited = invite(p, contract, Map.of("contactEmail", "assessor@vendor.example",
                "scope", "ASSESSMENT", "validForDays", 3));
        invited.then().statusCode(201).body("scope", equalTo("ASSESSMENT"))
                .body("operations", contains("assessment.read", "assessment.answer"))
                .body("status", equalTo("PENDING"));
        UUID invitation = UUID.fromString(invited.path("id"));

        Response exchanged = exchange(invited.path("token"));
        exchanged.then().statusCode(200).body("contractId", equalTo(contract.toString()))
                .body("vendorId", equalTo(p.vendor().toString()))
                .body("operations", contains("assessment.read", "assessment.answer"));
        String bearer = exchanged.path("accessToken");
        JsonNode claims = claims(bearer);
        assertThat(claims.path("scope_resource").asText()).isEqualTo("contract:" + contract);
        assertThat(claims.path("scope_grant").asText()).isEqualTo(invitation.toString());
        assertThat(claims.path("org").asText()).isEqualTo(p.vendor().toString());
        assertThat(claims.path("sub").asText()).isEqualTo("respondent:" + invitation);
        assertThat(claims.path("groups").toString()).isEqualTo("[\"vendor\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(1800);

        // The link is single-use whatever its scope.
        refused(exchange(invited.path("token")), 410);
        // In this service the token reaches nothing: not the disclosure package, not the contract itself.
        String disclosure = "/api/v1/contracts/" + contract + "/disclosure";
        for (Response r : List.of(
                scoped(bearer).get(disclosure),
                scoped(bearer).body(Map.of("statement", "国内のみ"))
                        .put(disclosure + "/items/vendor-gl-table-4-1.1"),
                scoped(bearer).get("/api/v1/contracts/" + contract),
                scoped(bearer).get("/api/v1/contracts"))) {
            refused(r, 403).then().body("type", equalTo("https://sansho.dev/problems/outside-token-scope"));
        }
        assertThat(count("select count(*) from disclosure_package where contract_id = ?", contract)).isZero();
        as("procurement", p.hospital()).get("/api/v1/contracts/" + contract + "/respondent-invitations").then()
                .statusCode(200).body("scope", contains("ASSESSMENT")).body("status", contains("EXCHANGED"));
    }

    @Test
    void an_assessment_link_expires_and_a_revoked_one_is_not_exchanged() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        String base = "/api/v1/contracts/" + contract + "/respondent-invitations";
        Response revoked = invite(p, contract, Map.of("contactEmail", "r@vendor.example", "scope", "ASSESSMENT"));
        as("procurement", p.hospital()).post(base + "/" + revoked.path("id") + "/revocation").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("scope", equalTo("ASSESSMENT"));
        refused(exchange(revoked.path("token")), 410).then()
                .body("type", equalTo("https://sansho.dev/problems/respondent-link-revoked"));

        String day = invite(p, contract, Map.of("contactEmail", "d@vendor.example", "scope", "ASSESSMENT",
                "validForDays", 1)).path("token");
        QuarkusMock.installMockForType(Clock.fixed(clock.instant().plus(Duration.ofDays(2)), clock.getZone()),
                Clock.class);
        refused(exchange(day), 410).then()
                .body("type", equalTo("https://sansho.dev/problems/respondent-link-expired"));
        as("procurement", p.hospital()).get(base).then().statusCode(200).body("status", contains("REVOKED", "EXPIRED"));
        new AuditTable(dataSource).awaitSealed();
        assertThat(count("select count(*) from audit_record where action = 'respondent-invitation.exchanged' "
                + "and entity_id = ?", revoked.path("id").toString())).isZero();
    }

    @Test
    void an_assessment_link_needs_a_live_contract_while_a_disclosure_link_needs_one_before_the_agreement() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        as("procurement", p.hospital()).body(Map.of("to", "CANCELLED"))
                .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(200);
        refused(invite(p, contract, Map.of("contactEmail", "a@vendor.example", "scope", "ASSESSMENT")), 409);
        refused(invite(p, contract, Map.of("contactEmail", "a@vendor.example", "scope", "DISCLOSURE")), 409);
        assertThat(count("select count(*) from respondent_invitation where contract_id = ?", contract)).isZero();
    }

    @Test
    void bad_assessment_invitations_are_refused_and_change_nothing() {
        Fixtures.Parties p = Fixtures.parties();
        UUID contract = Fixtures.openContract(p);
        Fixtures.Parties other = Fixtures.parties();
        long audit = new AuditTable(dataSource).count();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("scope", "ASSESSMENT"),
                Map.of("contactEmail", "not an address", "scope", "ASSESSMENT"),
                Map.of("contactEmail", "a@vendor.example", "scope", "assessment"),
                Map.of("contactEmail", "a@vendor.example", "scope", "ASSESSMENT,DISCLOSURE"),
                Map.of("contactEmail", "a@vendor.example", "scope", List.of("ASSESSMENT")),
                Map.of("contactEmail", "a@vendor.example", "scope", "ASSESSMENT", "validForDays", 31),
                Map.of("contactEmail", "a@vendor.example", "scope", "ASSESSMENT", "validForDays", "7 days"))) {
            refused(invite(p, contract, body), 400);
        }
        refused(as("procurement", p.hospital()).body("{\"contactEmail\":\"a@vendor.example\",\"scope\":\"ASSESSMENT\"")
                .post("/api/v1/contracts/" + contract + "/respondent-invitations"), 400);
        // Another hospital cannot invite to this contract's assessments; the vendor does not invite itself.
        refused(invite(other, contract, Map.of("contactEmail", "a@vendor.example",
                "scope", "ASSESSMENT")), 404);
        refused(as("vendor", p.vendor()).body(Map.of("contactEmail", "a@vendor.example", "scope", "ASSESSMENT"))
                .post("/api/v1/contracts/" + contract + "/respondent-invitations"), 403);
        assertThat(count("select count(*) from respondent_invitation where contract_id = ?", contract)).isZero();
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

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private long count(String sql, Object arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
