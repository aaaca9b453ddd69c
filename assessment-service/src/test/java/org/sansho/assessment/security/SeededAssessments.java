package org.sansho.assessment.security;

import org.sansho.assessment.Fixtures;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.security.World;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.sansho.assessment.Fixtures.as;
import static org.sansho.assessment.assessments.domain.Obligation.MANDATORY;
import static org.sansho.assessment.assessments.domain.Obligation.RECOMMENDED;

/**
 * Seeds what the access rules (authorization-rules.yaml) refer to: for one hospital and its vendor, assessments in
 * each step of the review flow, driven through the API (only the opening is written directly, as the review flow
 * tests do; the opening itself is tested against a running catalog).
 */
final class SeededAssessments {

    private static final List<VersionRef> BASELINE = List.of(new VersionRef("authz-test-guideline", "1"));
    private static final Map<String, Object> IMPLEMENTED = Map.of("status", "IMPLEMENTED", "statement", "in place");

    private SeededAssessments() {
    }

    static World seed() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID openContract = UUID.randomUUID();
        UUID open = opened(openContract, hospital, vendor);
        UUID answered = opened(hospital, vendor);
        answerAll(answered, vendor);
        UUID review = opened(hospital, vendor);
        answerAll(review, vendor);
        submit(review, vendor);
        evaluate(review, hospital, "M-2", "NONCONFORMANT");
        evaluate(review, hospital, "R-1", "CONFORMANT");
        UUID ready = opened(hospital, vendor);
        answerAll(ready, vendor);
        submit(ready, vendor);
        for (String key : List.of("M-1", "M-2", "R-1")) {
            evaluate(ready, hospital, key, key.equals("M-2") ? "NONCONFORMANT" : "CONFORMANT");
        }
        UUID contract = UUID.randomUUID();
        UUID done = opened(contract, hospital, vendor);
        answerAll(done, vendor);
        submit(done, vendor);
        for (String key : List.of("M-1", "M-2", "R-1")) {
            evaluate(done, hospital, key, key.equals("M-1") ? "CONFORMANT" : "NONCONFORMANT");
        }
        as(Roles.PROCUREMENT, hospital).post("/api/v1/assessments/{id}/complete", done).then().statusCode(200);
        // The finding is on R-1, so that the rule opening a finding has M-2 to open it on.
        String finding = as(Roles.PROCUREMENT, hospital).body(Map.of("requirementKey", "R-1", "owner", "vendor",
                        "dueDate", "2031-01-31", "likelihood", 3,
                        "impact", Map.of("confidentiality", 4, "integrity", 1, "availability", 1),
                        "treatment", "REDUCE", "measures", List.of("offline backup")))
                .post("/api/v1/assessments/{id}/findings", done).then().statusCode(201).extract().path("id");
        return new World().set("hospital", hospital).set("vendor", vendor)
                .set("open", open).set("openEtag", etag(open, Roles.VENDOR, vendor, "M-1"))
                .set("answered", answered)
                .set("review", review).set("reviewEtag", etag(review, Roles.PROCUREMENT, hospital, "M-1"))
                .set("ready", ready).set("done", done).set("contract", contract).set("finding", finding)
                .set("openContract", openContract)
                // A respondent link's scoped token (contract-service, scope ASSESSMENT) to the open assessment's
                // contract: the matrix calls every operation with it (403 unless the rule's tokens say otherwise).
                .withToken("respondent", Fixtures.respondentToken(openContract, vendor, UUID.randomUUID(),
                        Duration.ofHours(1), "assessment.read", "assessment.answer"))
                .actsFor(Roles.PROCUREMENT, hospital).actsFor(Roles.AUDITOR, hospital).actsFor(Roles.VENDOR, vendor)
                .actsFor(Roles.CATALOG_ADMIN, hospital);
    }

    private static UUID opened(UUID hospital, UUID vendor) {
        return opened(UUID.randomUUID(), hospital, vendor);
    }

    private static UUID opened(UUID contract, UUID hospital, UUID vendor) {
        return Fixtures.seed(contract, hospital, vendor, AssessmentStatus.OPEN, BASELINE, List.of(
                new Fixtures.Req("M-1", MANDATORY), new Fixtures.Req("M-2", MANDATORY),
                new Fixtures.Req("R-1", RECOMMENDED)));
    }

    private static void answerAll(UUID id, UUID vendor) {
        for (String key : List.of("M-1", "M-2", "R-1")) {
            as(Roles.VENDOR, vendor).header("If-Match", etag(id, Roles.VENDOR, vendor, key)).body(IMPLEMENTED)
                    .put("/api/v1/assessments/{id}/items/{key}/response", id, key).then().statusCode(200);
        }
    }

    private static void submit(UUID id, UUID vendor) {
        as(Roles.VENDOR, vendor).post("/api/v1/assessments/{id}/submit", id).then().statusCode(200);
    }

    private static void evaluate(UUID id, UUID hospital, String key, String evaluation) {
        as(Roles.PROCUREMENT, hospital).header("If-Match", etag(id, Roles.PROCUREMENT, hospital, key))
                .body(Map.of("evaluation", evaluation, "comment", "checked"))
                .put("/api/v1/assessments/{id}/items/{key}/evaluation", id, key).then().statusCode(200);
    }

    private static String etag(UUID id, String role, UUID org, String key) {
        return as(role, org).get("/api/v1/assessments/{id}/items/{key}", id, key).then().statusCode(200)
                .extract().header("ETag");
    }
}
