package org.sansho.catalog.guidelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.catalog.events.CatalogEventTypes;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DraftPublishFlowTest {

    private static final String TOPIC = "catalog.events";

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String guideline = "test-guideline-" + suffix;

    private static String admin() {
        return TestTokens.token("catalog-admin");
    }

    static String requirement(String section, String summaryEn, String status) {
        return """
                {"sectionNumber":"%s","ref":"§1 ①","title":{"ja":"題","en":"Title"},
                 "summary":{"ja":"要約","en":"%s"},"obligation":"MANDATORY","category":"AGREEMENT",
                 "phases":["PRE_CONTRACT"],"party":"VENDOR","serviceModels":["SAAS"],"dataCategories":[],
                 "threats":[{"threat":"T-CYBER-RANSOMWARE","impact":["C","A"]}],
                 "evidence":[{"ja":"契約書","en":"Contract"}],
                 "citation":{"document":"Test guideline","version":"1","section":"1","page":3},
                 "verification":"UNVERIFIED","unverifiedReason":"test content","status":"%s"}"""
                .formatted(section, summaryEn, status);
    }

    private void put(String path, String body, int status) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).put(path).then().statusCode(status);
    }

    private String versionPath(String label) {
        return "/api/v1/guidelines/" + guideline + "/versions/" + label;
    }

    @Test
    void a_draft_is_published_with_the_diff_against_the_version_it_supersedes_and_then_frozen() throws Exception {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"issuer\":\"MHLW\",\"audience\":\"VENDOR\",\"title\":{\"ja\":\"試験\",\"en\":\"Test\"}}"
                        .formatted(guideline))
                .post("/api/v1/guidelines").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"version\":\"1\"}")
                .post("/api/v1/guidelines/" + guideline + "/versions").then().statusCode(201)
                .body("status", equalTo("DRAFT"));
        put(versionPath("1") + "/sections/1", "{\"title\":{\"ja\":\"章\",\"en\":\"Chapter\"}}", 201);
        String a = "T" + suffix + "-A", b = "T" + suffix + "-B", c = "T" + suffix + "-C", d = "T" + suffix + "-D";
        for (String key : List.of(a, b, c)) {
            put(versionPath("1") + "/requirements/" + key, requirement("1", "Original", "ACTIVE"), 201);
        }
        put(versionPath("1") + "/requirements/" + a, requirement("1", "Original", "ACTIVE"), 204);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"publishedOn\":\"2026-01-01\"}")
                .post(versionPath("1") + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // version 2: a copy of 1, B reworded, C withdrawn (never deleted), D added
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"version\":\"2\",\"copyFromCurrent\":true}")
                .post("/api/v1/guidelines/" + guideline + "/versions").then().statusCode(201)
                .body("supersedes[0].version", equalTo("1"));
        put(versionPath("2") + "/requirements/" + b, requirement("1", "Reworded", "ACTIVE"), 204);
        put(versionPath("2") + "/requirements/" + c, requirement("1", "Original", "WITHDRAWN"), 204);
        put(versionPath("2") + "/requirements/" + d, requirement("1", "New", "ACTIVE"), 201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"from\":\"%s\",\"to\":\"%s\",\"relation\":\"RELATED\",\"basis\":\"EXPERT\",\"confidence\":\"LOW\",\"rationale\":{\"ja\":\"関連\",\"en\":\"Related\"}}"
                        .formatted(d, a))
                .post(versionPath("2") + "/mappings").then().statusCode(201);
        // the draft's mapping is not yet visible in the published version 1
        given().auth().oauth2(admin()).get("/api/v1/requirements/" + a + "?version=1").then().statusCode(200)
                .body("mappings.size()", equalTo(0));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"publishedOn\":\"2026-06-01\"}")
                .post(versionPath("2") + "/publish").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> TopicRecords.forKey(TOPIC, guideline), r -> r.size() == 3);
        JsonNode first = mapper.readTree(records.get(0).value());
        assertThat(first.get("type").asText()).isEqualTo(CatalogEventTypes.VERSION_PUBLISHED);
        assertThat(first.get("data").get("addedKeys")).hasSize(3);
        JsonNode superseded = mapper.readTree(records.get(1).value());
        assertThat(superseded.get("type").asText()).isEqualTo(CatalogEventTypes.VERSION_SUPERSEDED);
        assertThat(superseded.get("subject").asText()).isEqualTo(guideline);
        assertThat(superseded.get("data").get("version").asText()).isEqualTo("1");
        assertThat(superseded.get("data").get("supersededBy").get("version").asText()).isEqualTo("2");
        JsonNode published = mapper.readTree(records.get(2).value());
        assertThat(records.get(2).key()).isEqualTo(guideline);
        assertThat(published.get("type").asText()).isEqualTo(CatalogEventTypes.VERSION_PUBLISHED);
        JsonNode data = published.get("data");
        assertThat(data.get("guidelineId").asText()).isEqualTo(guideline);
        assertThat(data.get("version").asText()).isEqualTo("2");
        assertThat(data.get("publishedOn").asText()).isEqualTo("2026-06-01");
        assertThat(data.get("supersedes").get(0).get("guidelineId").asText()).isEqualTo(guideline);
        assertThat(data.get("supersedes").get(0).get("version").asText()).isEqualTo("1");
        assertThat(texts(data.get("addedKeys"))).containsExactly(d);
        assertThat(texts(data.get("removedKeys"))).isEmpty();
        assertThat(texts(data.get("changedKeys"))).containsExactly(b, c);

        // frozen: version 1 is SUPERSEDED, 2 PUBLISHED; writes to either are 409 problems and change nothing
        given().auth().oauth2(admin()).get("/api/v1/guidelines/" + guideline).then().statusCode(200)
                .body("versions.find { it.version == '1' }.status", equalTo("SUPERSEDED"))
                .body("versions.find { it.version == '2' }.status", equalTo("PUBLISHED"));
        long before = count();
        for (String label : List.of("1", "2")) {
            given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(requirement("1", "Sneaky edit", "ACTIVE"))
                    .put(versionPath(label) + "/requirements/" + b)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://sansho.dev/problems/version-frozen"));
        }
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{}")
                .post(versionPath("2") + "/publish").then().statusCode(409).contentType("application/problem+json");
        put(versionPath("2") + "/sections/9", "{\"title\":{\"ja\":\"章\",\"en\":\"Chapter\"}}", 409);
        assertThat(count()).isEqualTo(before);
        given().auth().oauth2(admin()).get("/api/v1/requirements/" + b).then().statusCode(200)
                .body("requirement.version", equalTo("2"))
                .body("requirement.summary.en", equalTo("Reworded"));
        // the mapping is visible now that its version is published
        given().auth().oauth2(admin()).get("/api/v1/requirements/" + a).then().statusCode(200)
                .body("mappings.from", hasItem(d));
        // applicability only takes ACTIVE requirements
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"baseline\":[{\"guidelineId\":\"%s\",\"version\":\"2\"}]}".formatted(guideline))
                .post("/api/v1/applicability").then().statusCode(200)
                .body("requirements.key", not(hasItem(c))).body("total", equalTo(3));
        assertThat(TopicRecords.forKey(TOPIC, guideline)).hasSize(3);
    }

    @Test
    void a_bad_requirement_is_a_400_problem_and_changes_nothing() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"issuer\":\"METI\",\"audience\":\"VENDOR\",\"title\":{\"ja\":\"試験\",\"en\":\"Test\"}}"
                        .formatted(guideline))
                .post("/api/v1/guidelines").then().statusCode(201);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"version\":\"1\"}")
                .post("/api/v1/guidelines/" + guideline + "/versions").then().statusCode(201);
        put(versionPath("1") + "/sections/1", "{\"title\":{\"ja\":\"章\",\"en\":\"Chapter\"}}", 201);
        long before = count();
        String path = versionPath("1") + "/requirements/X" + suffix;
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(requirement("1", "x", "ACTIVE").replace("\"citation\":{\"document\":\"Test guideline\",", "\"citation\":{"))
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("citation.document"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(requirement("1", "x", "ACTIVE").replace("\"AGREEMENT\"", "\"ASTROLOGY\""))
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(requirement("9", "x", "ACTIVE")).put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("sectionNumber"));
        // a key of another guideline is refused: keys never repeat across guidelines
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(requirement("1", "x", "ACTIVE")).put(versionPath("1") + "/requirements/VGL-4.1-1")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{not json")
                .put(path).then().statusCode(400).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_retried_create_with_the_same_idempotency_key_creates_once_and_concurrent_publications_have_one_winner()
            throws Exception {
        String body = "{\"id\":\"%s\",\"issuer\":\"MIC\",\"audience\":\"VENDOR\",\"title\":{\"ja\":\"試験\",\"en\":\"Test\"}}"
                .formatted(guideline);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + suffix)
                    .body(body).post("/api/v1/guidelines").then().statusCode(201);
        }
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body).post("/api/v1/guidelines")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"version\":\"1\"}")
                .post("/api/v1/guidelines/" + guideline + "/versions").then().statusCode(201);
        put(versionPath("1") + "/sections/1", "{\"title\":{\"ja\":\"章\",\"en\":\"Chapter\"}}", 201);
        put(versionPath("1") + "/requirements/T" + suffix + "-X", requirement("1", "x", "ACTIVE"), 201);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> publish = () -> given().auth().oauth2(admin())
                    .contentType(ContentType.JSON).body("{}").post(versionPath("1") + "/publish").statusCode();
            List<Integer> statuses = pool.invokeAll(List.of(publish, publish)).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(() -> TopicRecords.forKey(TOPIC, guideline), r -> !r.isEmpty());
        Thread.sleep(500);
        assertThat(TopicRecords.forKey(TOPIC, guideline)).hasSize(1);
        assertThat(records.get(0).value()).contains(CatalogEventTypes.VERSION_PUBLISHED);
    }

    @Test
    void readers_cannot_write() {
        for (String role : List.of("procurement", "vendor", "auditor", "service")) {
            String token = role.equals("service") ? TestTokens.token(role) : TestTokens.token(role, UUID.randomUUID());
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"id\":\"x-%s\",\"issuer\":\"MHLW\",\"audience\":\"VENDOR\",\"title\":{\"ja\":\"a\",\"en\":\"a\"}}"
                            .formatted(suffix))
                    .post("/api/v1/guidelines").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/guidelines/mhlw-medical-information-security/versions/6.0/publish")
                    .then().statusCode(403);
        }
        given().auth().oauth2(admin()).get("/api/v1/guidelines/x-" + suffix).then().statusCode(404);
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select (select count(*) from requirement) + (select count(*) from section) + "
                        + "(select count(*) from outbox_event)").getSingleResult()).longValue());
    }
}
