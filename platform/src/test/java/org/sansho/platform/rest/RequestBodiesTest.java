package org.sansho.platform.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** How a body reaches a blocking endpoint: read whole beforehand when small and declared, else streamed. */
@QuarkusTest
class RequestBodiesTest {

    @TestHTTPResource("/fixture/bodies")
    URI bodies;

    /** Japanese text, three bytes a character in UTF-8, ending in a known tail. */
    private static String body(int characters) {
        return "{\"text\":\"" + "医".repeat(characters - 3) + "終わり\"}";
    }

    @Test
    void a_small_declared_body_is_read_whole_before_the_endpoint_runs() {
        given().contentType("application/json; charset=UTF-8").body(body(2_000)).post("/fixture/bodies")
                .then().statusCode(200)
                .body("characters", equalTo(2_000))
                .body("tail", equalTo("終わり"))
                .body("readBeforeEndpoint", equalTo(true));
    }

    @Test
    void a_body_above_the_read_whole_size_is_streamed_to_the_endpoint_intact() {
        int characters = RequestBodies.READ_WHOLE_UP_TO / 3 + 1_000; // above it in bytes, within the 64K limit
        given().contentType("application/json; charset=UTF-8").body(body(characters)).post("/fixture/bodies")
                .then().statusCode(200)
                .body("characters", equalTo(characters))
                .body("tail", equalTo("終わり"))
                .body("readBeforeEndpoint", equalTo(false));
    }

    @Test
    void a_body_without_a_declared_length_is_streamed_to_the_endpoint_intact() throws Exception {
        HttpResponse<String> response = postChunked(body(1_000));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode received = new ObjectMapper().readTree(response.body());
        assertThat(received.path("characters").asInt()).isEqualTo(1_000);
        assertThat(received.path("tail").asText()).isEqualTo("終わり");
        assertThat(received.path("readBeforeEndpoint").asBoolean()).isFalse();
    }

    @Test
    void a_body_without_a_declared_length_beyond_the_limit_is_refused() throws Exception {
        assertThat(postChunked(body(30_000)).statusCode()).isEqualTo(413); // 90 KB, over the 64K limit
    }

    /** Sent in chunks, with no Content-Length: the length of a stream is not known beforehand. */
    private HttpResponse<String> postChunked(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(bodies).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
