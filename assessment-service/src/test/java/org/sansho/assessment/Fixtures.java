package org.sansho.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Shared helpers of the service's tests: tokens, CloudEvents, seeded assessments, published events. */
public final class Fixtures {

    public static final String EVENTS = "assessment.events";
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static RequestSpecification as(String role, UUID org) {
        return RestAssured.given().auth().oauth2(TestTokens.token(role, org)).contentType("application/json");
    }

    /**
     * A respondent link's scoped token exactly as the contract-service's exchange signs it for an invitation of
     * scope ASSESSMENT (RespondentInvitationService.exchange): acting as the vendor, for one contract and the named
     * operations, signed with the key the contract-service signs with (in the tests, the one every service trusts).
     */
    public static String respondentToken(UUID contract, UUID vendor, UUID invitation, Duration lifetime,
                                         String... operations) {
        Instant now = Instant.now();
        return Jwt.issuer(TestTokens.ISSUER).subject("respondent:" + invitation).upn("respondent:" + invitation)
                .groups(Set.of("vendor")).claim("org", vendor.toString())
                .claim("scope_resource", "contract:" + contract).claim("scope_operations", List.of(operations))
                .claim("scope_grant", invitation.toString()).claim("email", "assessor@vendor.example")
                .issuedAt(now.minus(lifetime.isNegative() ? Duration.ofHours(1) : Duration.ZERO))
                .expiresAt(now.plus(lifetime)).sign(TestTokens.keys().getPrivate());
    }

    /** A structured CloudEvent as contract-service or catalog-service would publish it. */
    public static String cloudEvent(String id, String type, String subject, Object data) {
        try {
            return JSON.writeValueAsString(Map.of("specversion", "1.0", "id", id, "source", "/sansho/test",
                    "type", type, "subject", subject, "time", Instant.now().toString(),
                    "datacontenttype", "application/json", "data", data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> stateChanged(UUID contract, UUID hospital, UUID vendor, String from, String to,
                                                   String phase, List<Map<String, String>> baseline) {
        return Map.of("contractId", contract.toString(), "hospitalId", hospital.toString(),
                "vendorId", vendor.toString(), "serviceModel", "SAAS", "baseline", baseline,
                "dataCategories", List.of("OTHER_PERSONAL_HEALTH_INFO"), "from", from, "to", to, "phase", phase);
    }

    /** Events published for a contract: (type, data) in publication order. */
    public static List<JsonNode> published(UUID contract) {
        return TopicRecords.forKey(EVENTS, contract.toString()).stream().map(ConsumerRecord::value)
                .map(Fixtures::read).toList();
    }

    public static List<JsonNode> published(UUID contract, String type) {
        return published(contract).stream().filter(e -> type.equals(e.path("type").asText())).toList();
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A requirement snapshot to seed: key and obligation. */
    public record Req(String key, Obligation obligation) {
    }

    /**
     * An assessment whose items were filled already, for tests of the review flow that do not exercise the
     * catalog (the opening path is tested against a running catalog).
     */
    public static UUID seed(UUID contract, UUID hospital, UUID vendor, AssessmentStatus status,
                            List<VersionRef> baseline, List<Req> requirements) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Assessment a = new Assessment();
            a.id = UUID.randomUUID();
            a.contractId = contract;
            a.hospitalId = hospital;
            a.vendorId = vendor;
            a.serviceModel = "SAAS";
            a.dataCategories = List.of("OTHER_PERSONAL_HEALTH_INFO");
            a.phase = AssessmentPhase.PRE_CONTRACT;
            a.openingKey = contract + ":PRE_CONTRACT";
            a.triggerEventId = UUID.randomUUID().toString();
            a.baseline = baseline;
            a.status = status;
            a.createdAt = Instant.now();
            a.updatedAt = a.createdAt;
            a.persist();
            int position = 0;
            for (Req r : requirements) {
                AssessmentItem i = new AssessmentItem();
                i.id = UUID.randomUUID();
                i.assessmentId = a.id;
                i.requirementKey = r.key();
                i.guidelineId = baseline.get(0).guidelineId();
                i.guidelineVersion = baseline.get(0).version();
                i.titleEn = "Requirement " + r.key();
                i.titleJa = "要求事項 " + r.key();
                i.obligation = r.obligation();
                i.position = position++;
                i.persist();
            }
            return a.id;
        });
    }
}
