package org.sansho.platform.problem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ProblemTest {

    private final String token = TestTokens.token("procurement", UUID.randomUUID());

    @TestHTTPResource("/fixture/notes")
    URI notes;

    @Test
    void malformed_json_is_a_400_problem() {
        given().auth().oauth2(token).contentType("application/json").body("{\"text\": ")
                .post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("type", startsWith("https://sansho.dev/problems/"))
                .body("instance", equalTo("/fixture/notes"));
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"text\":\"x\",\"colour\":\"RED\",\"priority\":\"high\"}")
                .post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("priority"));
    }

    @Test
    void a_decimal_where_a_whole_number_is_expected_is_refused_not_truncated() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"text\":\"x\",\"colour\":\"RED\",\"priority\":1.5}")
                .post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("priority"));
    }

    @Test
    void a_body_declared_larger_than_the_limit_is_a_413_problem() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"text\":\"" + "x".repeat(70_000) + "\",\"colour\":\"RED\",\"priority\":1}")
                .post("/fixture/notes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("type", equalTo("https://sansho.dev/problems/body-too-large"))
                .body("instance", equalTo("/fixture/notes"));
    }

    @Test
    void a_body_sent_without_a_length_beyond_the_limit_is_a_413_and_no_server_failure() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger mappers = java.util.logging.Logger.getLogger(ProblemMappers.class.getName());
        mappers.addHandler(capture);
        try {
            byte[] body = ("{\"text\":\"" + "x".repeat(70_000) + "\",\"colour\":\"RED\",\"priority\":1}")
                    .getBytes(StandardCharsets.UTF_8);
            // a stream of unknown length is sent in chunks, with no Content-Length to refuse it by
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(notes).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            Thread.sleep(500); // the endpoint's worker fails after the answer was sent
            assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
        } finally {
            mappers.removeHandler(capture);
        }
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"text\":\"x\",\"colour\":\"BLUE\",\"priority\":1}")
                .post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void validation_errors_are_listed_per_field() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"text\":\"\",\"priority\":9,\"tags\":[{\"name\":\"\"}]}")
                .post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("text"))
                .body("errors.field", hasItem("colour"))
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("tags[0].name"));
    }

    @Test
    void an_invalid_query_parameter_names_the_parameter() {
        given().auth().oauth2(token).queryParam("size", 1000).get("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        given().auth().oauth2(token).get("/fixture/nothing-here")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().auth().oauth2(token).delete("/fixture/notes")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void a_missing_token_is_a_401_problem() {
        given().get("/fixture/notes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void an_expired_token_is_a_401() {
        given().auth().oauth2(TestTokens.expired("procurement", UUID.randomUUID())).get("/fixture/notes")
                .then().statusCode(401);
    }

    @Test
    void a_token_signed_by_an_unknown_key_is_a_401() {
        given().auth().oauth2(TestTokens.signedByStranger("procurement", UUID.randomUUID())).get("/fixture/notes")
                .then().statusCode(401);
    }

    @Test
    void a_role_that_may_not_write_is_a_403_problem() {
        given().auth().oauth2(TestTokens.token("auditor", UUID.randomUUID())).contentType("application/json")
                .body("{\"text\":\"x\",\"colour\":\"RED\",\"priority\":1}")
                .post("/fixture/notes")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void errors_reveal_no_server_internals() {
        given().auth().oauth2(token).contentType("application/json").body("[[[[")
                .post("/fixture/notes")
                .then().statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }
}
