package org.sansho.assessment.assessments;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.AuditTable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;

/**
 * A respondent link of scope ASSESSMENT (contract-service): its exchanged token, scoped to one contract with the
 * operations assessment.read and assessment.answer, reads that contract's assessments and answers their items as
 * the vendor, and does nothing else. An assessment of another contract, the vendor's own included, does not exist
 * for it; every use is an audit record of the invitation. Once the contract-service announces the invitation's
 * revocation, the token is refused as the contract-service refuses it (401 token-revoked).
 */
@QuarkusTest
class RespondentTokenTest {

    private static final List<VersionRef> BASELINE = List.of(new VersionRef("respondent-test-guideline", "1"));
    private static final Map<String, Object> ANSWER = Map.of("status", "IMPLEMENTED",
            "statement", "ISMS 認証範囲内で運用しています");
    private static final String[] BOTH = {"assessment.read", "assessment.answer"};

    @Inject
    DataSource dataSource;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    private final UUID hospital = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final UUID contract = UUID.randomUUID();
    private final UUID invitation = UUID.randomUUID();

    @Test
    void the_token_reads_its_contracts_assessment_and_answers_a_vendor_item_and_every_use_is_recorded() {
        UUID assessment = seed(contract, hospital, vendor);
        String bearer = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(30), BOTH);

        scoped(bearer).queryParam("contract", contract).get("/api/v1/assessments").then().statusCode(200)
                .body("items.id", contains(assessment.toString()));
        scoped(bearer).get("/api/v1/assessments/{id}", assessment).then().statusCode(200)
                .body("contractId", equalTo(contract.toString()));
        scoped(bearer).get("/api/v1/assessments/{id}/items", assessment).then().statusCode(200)
                .body("items.key", contains("M-1", "M-2"));
        String etag = scoped(bearer).get("/api/v1/assessments/{id}/items/M-1", assessment).then().statusCode(200)
                .extract().header("ETag");
        scoped(bearer).header("If-Match", etag).body(ANSWER)
                .put("/api/v1/assessments/{id}/items/M-1/response", assessment).then().statusCode(200)
                .body("response.status", equalTo("IMPLEMENTED"));
        // The hospital sees the answer, given by the respondent as the vendor.
        as(Roles.PROCUREMENT, hospital).get("/api/v1/assessments/{id}/items/M-1", assessment).then()
                .statusCode(200).body("response.status", equalTo("IMPLEMENTED"));
        // A stale If-Match is refused for the token as for anyone, and changes nothing.
        refused(scoped(bearer).header("If-Match", etag).body(ANSWER)
                .put("/api/v1/assessments/{id}/items/M-1/response", assessment), 412);

        new AuditTable(dataSource).awaitSealed();
        assertThat(rows("select action || ' by ' || actor_subject || ' ' || actor_org from audit_record "
                + "where entity_id = ? order by seq", invitation.toString()))
                .hasSize(6).containsOnly("respondent-invitation.used by respondent:" + invitation + " " + vendor);
        // The audit trail keeps a record's organizations sorted (by UUID order, not by their text).
        assertThat(rows("select organizations::text from audit_record where entity_id = ?", invitation.toString()))
                .isNotEmpty().allSatisfy(orgs -> assertThat(orgs.replaceAll("[{}]", "").split(","))
                        .containsExactlyInAnyOrder(hospital.toString(), vendor.toString()));
        assertThat(rows("select action || ' by ' || actor_subject || ' ' || actor_org || ' ' || actor_roles "
                + "from audit_record where entity_id = ?", assessment + "/M-1"))
                .containsExactly("assessment-item.responded by respondent:" + invitation + " " + vendor + " vendor");
    }

    @Test
    void the_token_can_do_nothing_else_and_another_contracts_assessment_does_not_exist_for_it() {
        UUID assessment = seed(contract, hospital, vendor);
        UUID sibling = seed(UUID.randomUUID(), hospital, vendor);
        UUID foreign = seed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String bearer = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(30), BOTH);
        String siblingEtag = etag(sibling, "M-1");

        // Another contract's assessment, the vendor's own or another organization's, or none: not found.
        for (UUID other : List.of(sibling, foreign, UUID.randomUUID())) {
            refused(scoped(bearer).get("/api/v1/assessments/{id}", other), 404);
            refused(scoped(bearer).get("/api/v1/assessments/{id}/items", other), 404);
            refused(scoped(bearer).get("/api/v1/assessments/{id}/items/M-1", other), 404);
        }
        refused(scoped(bearer).header("If-Match", siblingEtag).body(ANSWER)
                .put("/api/v1/assessments/{id}/items/M-1/response", sibling), 404);
        refused(scoped(bearer).get("/api/v1/assessments/not-a-uuid"), 404);
        // A list that does not name the token's contract names none of its records.
        refused(scoped(bearer).get("/api/v1/assessments"), 404);
        refused(scoped(bearer).queryParam("contract", UUID.randomUUID()).get("/api/v1/assessments"), 404);

        // Every other operation, on its own assessment too: 403 outside-token-scope.
        for (Response r : List.of(
                scoped(bearer).post("/api/v1/assessments/{id}/submit", assessment),
                scoped(bearer).get("/api/v1/assessments/{id}/findings", assessment),
                scoped(bearer).get("/api/v1/assessments/{id}/report", assessment),
                scoped(bearer).get("/api/v1/contract-timelines/{id}", contract),
                scoped(bearer).queryParam("vendor", vendor).get("/api/v1/posture"),
                scoped(bearer).queryParam("vendor", vendor).get("/api/v1/findings"),
                scoped(bearer).queryParam("vendor", vendor).get("/api/v1/deadlines"))) {
            refused(r, 403).then().body("type", equalTo("https://sansho.dev/problems/outside-token-scope"));
        }
        // What a vendor never does is refused as for any vendor token.
        refused(scoped(bearer).header("If-Match", etag(assessment, "M-1"))
                .body(Map.of("evaluation", "CONFORMANT", "comment", "ok"))
                .put("/api/v1/assessments/{id}/items/M-1/evaluation", assessment), 403);
        // A token that only reads does not answer.
        String reader = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(30),
                "assessment.read");
        scoped(reader).get("/api/v1/assessments/{id}", assessment).then().statusCode(200);
        refused(scoped(reader).header("If-Match", etag(assessment, "M-1")).body(ANSWER)
                .put("/api/v1/assessments/{id}/items/M-1/response", assessment), 403);
        // A disclosure link's token has no operation here.
        String disclosure = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(30),
                "disclosure.read", "disclosure.answer");
        refused(scoped(disclosure).get("/api/v1/assessments/{id}", assessment), 403);

        // Nothing was answered or submitted by those calls.
        for (UUID id : List.of(assessment, sibling, foreign)) {
            assertThat(rows("select status from assessment where id = ?", id)).containsExactly("OPEN");
            assertThat(rows("select count(*) from assessment_item where assessment_id = ? and response "
                    + "is not null", id)).containsExactly("0");
        }
        // The ordinary vendor token keeps every operation it had.
        as(Roles.VENDOR, vendor).get("/api/v1/assessments").then().statusCode(200);
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}/findings", assessment).then().statusCode(200);
        as(Roles.VENDOR, vendor).header("If-Match", siblingEtag).body(ANSWER)
                .put("/api/v1/assessments/{id}/items/M-1/response", sibling).then().statusCode(200);
    }

    @Test
    void an_expired_a_forged_or_a_malformed_scoped_token_is_refused() {
        UUID assessment = seed(contract, hospital, vendor);
        String expired = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(-10), BOTH);
        refused(scoped(expired).get("/api/v1/assessments/{id}", assessment), 401);
        refused(scoped(expired).header("If-Match", etag(assessment, "M-1")).body(ANSWER)
                .put("/api/v1/assessments/{id}/items/M-1/response", assessment), 401);
        // The same claims signed by a key the service does not trust.
        String valid = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(30), BOTH);
        String[] parts = valid.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        refused(scoped(forged).get("/api/v1/assessments/{id}", assessment), 401);
        assertThat(rows("select count(*) from assessment_item where assessment_id = ? and response "
                + "is not null", assessment)).containsExactly("0");
        assertThat(rows("select count(*) from audit_record where entity_id = ?", invitation.toString()))
                .containsExactly("0");
    }

    @Test
    void once_the_invitations_revocation_is_read_its_token_is_refused_and_a_redelivery_changes_nothing() {
        UUID assessment = seed(contract, hospital, vendor);
        String bearer = Fixtures.respondentToken(contract, vendor, invitation, Duration.ofMinutes(30), BOTH);
        UUID other = UUID.randomUUID();
        String otherBearer = Fixtures.respondentToken(contract, vendor, other, Duration.ofMinutes(30), BOTH);
        scoped(bearer).get("/api/v1/assessments/{id}", assessment).then().statusCode(200);
        String etag = scoped(bearer).get("/api/v1/assessments/{id}/items/M-1", assessment).then().statusCode(200)
                .extract().header("ETag");

        String eventId = UUID.randomUUID().toString();
        revoke(eventId, invitation);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                scoped(bearer).get("/api/v1/assessments/{id}", assessment).statusCode() == 401);
        new AuditTable(dataSource).awaitSealed();
        List<String> uses = rows("select count(*) from audit_record where entity_id = ?", invitation.toString());

        // Every operation of the token is refused with the contract-service's answer, and changes nothing.
        for (Response r : List.of(
                scoped(bearer).get("/api/v1/assessments/{id}", assessment),
                scoped(bearer).queryParam("contract", contract).get("/api/v1/assessments"),
                scoped(bearer).get("/api/v1/assessments/{id}/items", assessment),
                scoped(bearer).header("If-Match", etag).body(ANSWER)
                        .put("/api/v1/assessments/{id}/items/M-1/response", assessment))) {
            refused(r, 401).then().body("type", equalTo("https://sansho.dev/problems/token-revoked"))
                    .body("status", equalTo(401));
        }
        assertThat(rows("select count(*) from assessment_item where assessment_id = ? and response "
                + "is not null", assessment)).containsExactly("0");
        new AuditTable(dataSource).awaitSealed();
        assertThat(rows("select count(*) from audit_record where entity_id = ?", invitation.toString()))
                .isEqualTo(uses);
        // The revocation is the hospital's record of its invitation: no line on the contract's timeline.
        assertThat(rows("select count(*) from contract_timeline where contract_id = ?", contract))
                .containsExactly("0");
        // Another invitation's token on the same contract still works.
        scoped(otherBearer).get("/api/v1/assessments/{id}", assessment).then().statusCode(200);

        // The same event again (a redelivery), then the revocation of the other invitation: the redelivery, read
        // before it on the contract's partition, changed nothing.
        revoke(eventId, invitation);
        String second = UUID.randomUUID().toString();
        revoke(second, other);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                scoped(otherBearer).get("/api/v1/assessments/{id}", assessment).statusCode() == 401);
        assertThat(rows("select event_id from revoked_respondent_grant where contract_id = ? order by event_id",
                contract)).containsExactlyInAnyOrder(eventId, second);
        assertThat(rows("select count(*) from inbox_event where event_id = ?", eventId)).containsExactly("1");
        refused(scoped(bearer).get("/api/v1/assessments/{id}", assessment), 401).then()
                .body("type", equalTo("https://sansho.dev/problems/token-revoked"));
        // The vendor's own token is no respondent link: unaffected.
        as(Roles.VENDOR, vendor).get("/api/v1/assessments/{id}", assessment).then().statusCode(200);
    }

    /** The contract-service's event of a revoked invitation, as its outbox relay sends it. */
    private void revoke(String eventId, UUID invitation) {
        Map<String, Object> data = Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                "vendorId", vendor.toString(), "invitationId", invitation.toString(), "scope", "ASSESSMENT",
                "revokedAt", Instant.now().toString());
        ProducerRecord<String, String> record = new ProducerRecord<>("contract.events", contract.toString(),
                Fixtures.cloudEvent(eventId, "org.sansho.contract.respondent-invitation.revoked.v1",
                        contract.toString(), data));
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    private static UUID seed(UUID contract, UUID hospital, UUID vendor) {
        return Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN, BASELINE,
                List.of(new Fixtures.Req("M-1", MANDATORY), new Fixtures.Req("M-2", MANDATORY)));
    }

    private static String etag(UUID assessment, String key) {
        return RestAssured.given().auth().oauth2(org.sansho.testsupport.TestTokens.token(Roles.SERVICE))
                .get("/api/v1/assessments/{id}/items/{key}", assessment, key).then().statusCode(200)
                .extract().header("ETag");
    }

    private static RequestSpecification scoped(String bearer) {
        return RestAssured.given().auth().oauth2(bearer).contentType(ContentType.JSON);
    }

    private static Response refused(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json");
        return r;
    }

    private List<String> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
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
