package org.sansho.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdempotentRequestsTest {

    @Inject
    EntityManager em;

    private final String token = TestTokens.token("procurement", UUID.randomUUID());

    @Test
    void a_retried_create_returns_the_first_result_and_writes_once() {
        String key = UUID.randomUUID().toString();
        String text = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"text\":\"" + text + "\",\"colour\":\"GREEN\",\"priority\":2}";

        String first = create(key, body, 201);
        String second = create(key, body, 201);

        assertThat(second).isEqualTo(first);
        assertThat(notesWithText(text)).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_a_422() {
        String key = UUID.randomUUID().toString();
        create(key, "{\"text\":\"a\",\"colour\":\"GREEN\",\"priority\":2}", 201);
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"text\":\"b\",\"colour\":\"GREEN\",\"priority\":2}")
                .post("/fixture/notes").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void concurrent_retries_with_one_key_write_once() throws Exception {
        String key = UUID.randomUUID().toString();
        String text = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"text\":\"" + text + "\",\"colour\":\"GREEN\",\"priority\":2}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            var results = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                            .body(body).post("/fixture/notes").then().extract().statusCode(), pool)).toList();
            for (var r : results) {
                assertThat(r.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(notesWithText(text)).isEqualTo(1);
    }

    private String create(String key, String body, int status) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/fixture/notes").then().statusCode(status).extract().asString();
    }

    private long notesWithText(String text) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from fixture_note where text = ?1").setParameter(1, text).getSingleResult()).longValue());
    }
}
