package org.sansho.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.sansho.testsupport.ServiceProcess;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * One cheap pre-contract lifecycle across the three services, driven only through HTTP, that survives any of
 * them dying at any point: contract opened → DISCLOSURE_REQUESTED → the assessment-service opens the PRE_CONTRACT
 * assessment from the event (asking the catalog) → vendor answers → submit → the disclosure package answered and
 * accepted row by row (shared understanding) → UNDER_ASSESSMENT → evaluations →
 * complete (ACCEPTABLE) → the verdict travels back → AGREED.
 *
 * <p>Every step reads the current state first and only then acts, so a request whose response was lost in a crash
 * is not repeated blindly; the one creating request carries an {@code Idempotency-Key}. A refused connection or a
 * 5xx is retried until the step's deadline.
 */
final class Lifecycle {

    static final List<String> STEPS = List.of("open", "disclose", "await-opened", "answer", "submit",
            "share-understanding", "under-assessment", "evaluate", "complete", "agree");
    private static final List<String> STATES = List.of("DRAFT", "DISCLOSURE_REQUESTED", "UNDER_ASSESSMENT", "AGREED");
    private static final Duration STEP_DEADLINE = Duration.ofSeconds(Long.getLong("sansho.faults.step-seconds", 600));

    /** Per contract, exactly these events in this order, on each topic. */
    static final List<String> CONTRACT_EVENTS = List.of("org.sansho.contract.created.v1",
            "org.sansho.contract.state-changed.v1", "org.sansho.contract.disclosure.shared-understanding-reached.v1",
            "org.sansho.contract.state-changed.v1",
            // the responsibility split set and acknowledged before AGREED (a repeated step changes nothing)
            "org.sansho.contract.responsibility-split-changed.v1",
            "org.sansho.contract.responsibility-split-changed.v1",
            "org.sansho.contract.state-changed.v1");
    static final List<String> ASSESSMENT_EVENTS = List.of("org.sansho.assessment.opened.v1",
            "org.sansho.assessment.submitted.v1", "org.sansho.assessment.completed.v1");

    private final Suite suite;
    private final Suite.Parties parties;
    private final Supplier<ServiceProcess> contract;
    private final Supplier<ServiceProcess> assessment;
    private final IntConsumer beforeStep;
    private UUID contractId;
    private String assessmentId;
    /** The last answer of a service that did not move the step on, for the failure message. */
    private String lastRefusal;

    Lifecycle(Suite suite, Suite.Parties parties, Supplier<ServiceProcess> contract,
              Supplier<ServiceProcess> assessment, IntConsumer beforeStep) {
        this.suite = suite;
        this.parties = parties;
        this.contract = contract;
        this.assessment = assessment;
        this.beforeStep = beforeStep;
    }

    Lifecycle(Suite suite, Suite.Parties parties) {
        this(suite, parties, () -> suite.contract, () -> suite.assessment, step -> { });
    }

    /** Runs the lifecycle to AGREED and answers the contract id. */
    UUID run() {
        String idempotencyKey = UUID.randomUUID().toString();
        step(0, () -> {
            Response r = Suite.as(contract.get(), "procurement", parties.hospital())
                    .header("Idempotency-Key", idempotencyKey)
                    .body(Suite.contractBody(parties, List.of(Map.of("guidelineId", suite.guideline, "version", "1"))))
                    .post("/api/v1/contracts");
            if (r.statusCode() == 201 || r.statusCode() == 200) {
                contractId = UUID.fromString(r.path("id"));
                return true;
            }
            return false;
        });
        step(1, () -> advance("DISCLOSURE_REQUESTED"));
        step(2, () -> {
            JsonPath list = Suite.as(assessment.get(), "procurement", parties.hospital())
                    .queryParam("contract", contractId).get("/api/v1/assessments").then().extract().jsonPath();
            if (list.getString("items[0].id") != null && !"PENDING_ITEMS".equals(list.getString("items[0].status"))) {
                assessmentId = list.getString("items[0].id");
                return true;
            }
            return false;
        });
        step(3, () -> everyItem("response", "vendor", parties.vendor(), "response",
                Map.of("status", "IMPLEMENTED", "statement", "in place", "evidence",
                        List.of(Map.of("name", "ISMS certificate", "uri", "https://vendor.example/isms.pdf")))));
        step(4, () -> act("vendor", parties.vendor(), "submit", List.of("OPEN", "VENDOR_RESPONDING"),
                List.of("UNDER_REVIEW", "COMPLETED")));
        step(5, this::shareUnderstanding);
        step(6, () -> advance("UNDER_ASSESSMENT"));
        step(7, () -> everyItem("evaluation", "procurement", parties.hospital(), "evaluation",
                Map.of("evaluation", "CONFORMANT")));
        step(8, () -> act("procurement", parties.hospital(), "complete", List.of("UNDER_REVIEW"), List.of("COMPLETED")));
        step(9, () -> agreeOnResponsibilitySplit() && advance("AGREED"));
        return contractId;
    }

    UUID contractId() {
        return contractId;
    }

    /** The full responsibility split set and acknowledged (AGREED needs it); repeating it changes nothing. */
    private boolean agreeOnResponsibilitySplit() {
        String state = Suite.as(contract.get(), "procurement", parties.hospital())
                .get("/api/v1/contracts/" + contractId).then().statusCode(200).extract().path("state");
        if (STATES.indexOf(state) >= STATES.indexOf("AGREED")) {
            return true;
        }
        List<Map<String, Object>> items = Suite.as(suite.catalog, "service", null)
                .get("/api/v1/disclosure-templates/role-sharing-checklist-2024").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Response set = Suite.as(contract.get(), "procurement", parties.hospital())
                .body(Map.of("items", items.stream().map(i -> Map.<String, Object>of("key", i.get("ref"),
                        "party", i.get("party"), "note", "end-to-end lifecycle")).toList()))
                .put("/api/v1/contracts/" + contractId + "/responsibility-split");
        if (noted("responsibility split", set).statusCode() != 200) {
            return false;
        }
        Response acknowledged = Suite.as(contract.get(), "vendor", parties.vendor())
                .post("/api/v1/contracts/" + contractId + "/responsibility-split/acknowledgement");
        return noted("split acknowledgement", acknowledged).statusCode() == 200;
    }

    /**
     * Answers every disclosure row still without an answer and accepts every answered one, reading the package first
     * (a lost response is not repeated blindly); true once the package holds the shared understanding.
     */
    private boolean shareUnderstanding() {
        String base = "/api/v1/contracts/" + contractId + "/disclosure";
        JsonPath pkg = Suite.as(contract.get(), "vendor", parties.vendor()).get(base).then().statusCode(200)
                .extract().jsonPath();
        if (pkg.getBoolean("sharedUnderstanding")) {
            return true;
        }
        List<Map<String, Object>> items = pkg.getList("items");
        for (Map<String, Object> item : items) {
            String key = (String) item.get("key");
            if ("OPEN".equals(item.get("status")) || "NEEDS_INFORMATION".equals(item.get("status"))) {
                noted("disclosure answer " + key, Suite.as(contract.get(), "vendor", parties.vendor())
                        .body(Map.of("statement", "end-to-end answer")).put(base + "/items/" + key));
            }
        }
        for (Map<String, Object> item : items) {
            String key = (String) item.get("key");
            if (!"ACCEPTED".equals(item.get("status"))) {
                noted("disclosure review " + key, Suite.as(contract.get(), "procurement", parties.hospital())
                        .body(Map.of("decision", "ACCEPTED")).post(base + "/items/" + key + "/review"));
            }
        }
        return false;
    }

    /** Moves the contract on unless it is already there (a transition whose response was lost is not repeated). */
    private boolean advance(String to) {
        String state = Suite.as(contract.get(), "procurement", parties.hospital())
                .get("/api/v1/contracts/" + contractId).then().statusCode(200).extract().path("state");
        if (STATES.indexOf(state) >= STATES.indexOf(to)) {
            return true;
        }
        Response r = Suite.as(contract.get(), "procurement", parties.hospital())
                .body(Map.of("to", to, "reason", "end-to-end lifecycle"))
                .post("/api/v1/contracts/" + contractId + "/transitions");
        // 409 (verdict not arrived yet, or a concurrent change): read and try again
        return noted("transition to " + to, r).statusCode() == 200;
    }

    private boolean act(String role, UUID org, String action, List<String> before, List<String> after) {
        String status = Suite.as(assessment.get(), role, org).get("/api/v1/assessments/{id}", assessmentId)
                .then().statusCode(200).extract().path("status");
        if (after.contains(status)) {
            return true;
        }
        if (before.contains(status)) {
            noted(action, Suite.as(assessment.get(), role, org).post("/api/v1/assessments/{id}/" + action, assessmentId));
        } else {
            lastRefusal = "assessment " + assessmentId + " is " + status;
        }
        return false;
    }

    /** Writes {@code body} to every item whose {@code field} is still empty; true once none is. */
    private boolean everyItem(String field, String role, UUID org, String path, Map<String, Object> body) {
        List<Map<String, Object>> items = Suite.as(assessment.get(), role, org).queryParam("size", 100)
                .get("/api/v1/assessments/{id}/items", assessmentId).then().statusCode(200).extract().jsonPath()
                .getList("items");
        boolean done = true;
        for (Map<String, Object> item : items) {
            if (item.get(field) != null) {
                continue;
            }
            done = false;
            String key = (String) item.get("key");
            String tag = Suite.as(assessment.get(), role, org).get("/api/v1/assessments/{id}/items/{key}", assessmentId, key)
                    .then().statusCode(200).extract().header("ETag");
            noted(path + " of " + key, Suite.as(assessment.get(), role, org).header("If-Match", tag).body(body)
                    .put("/api/v1/assessments/{id}/items/{key}/" + path, assessmentId, key));
        }
        return done;
    }

    private Response noted(String what, Response r) {
        if (r.statusCode() >= 300) {
            lastRefusal = what + " → " + r.statusCode() + " " + r.asString();
        }
        return r;
    }

    private void step(int index, Supplier<Boolean> attempt) {
        beforeStep.accept(index);
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        Throwable last = null;
        long pause = 100;
        long report = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() > report) { // a step this slow is worth a line in the output while it lasts
                System.out.printf("lifecycle of contract %s still at step '%s'; last refusal: %s; last error: %s%n",
                        contractId, STEPS.get(index), lastRefusal, last);
                report = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            try {
                if (attempt.get()) {
                    return;
                }
                last = null;
            } catch (Exception | AssertionError e) { // RestAssured throws ConnectException undeclared
                last = e; // a service down or restarting: refused connection, reset, 5xx, not ready
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause = Math.min(pause * 2, 1000);
        }
        throw new AssertionError("lifecycle of contract " + contractId + " did not get past step '" + STEPS.get(index)
                + "' within " + STEP_DEADLINE + "; last refusal: " + lastRefusal, last);
    }
}
