package org.sansho.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.ApiDocuments;
import org.sansho.webhook.events.WebhookEventTypes;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ApiDocumentsTest {

    @Test
    void the_committed_openapi_document_matches_the_generated_one() {
        String yaml = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(ApiDocuments.compareOpenApi("webhook-service", yaml)).isNull();
    }

    @Test
    void every_published_event_type_is_in_the_asyncapi_document_on_webhook_events() {
        Map<String, String> messages = ApiDocuments.asyncApiMessages();
        assertThat(Arrays.asList(WebhookEventTypes.PUBLISHED)).allSatisfy(type ->
                assertThat(messages).containsEntry(type, WebhookEventTypes.TOPIC));
    }
}
