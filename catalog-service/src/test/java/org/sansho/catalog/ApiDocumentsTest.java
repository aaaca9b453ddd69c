package org.sansho.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.catalog.events.CatalogEventTypes;
import org.sansho.testsupport.ApiDocuments;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ApiDocumentsTest {

    @Test
    void the_committed_openapi_document_matches_the_generated_one() {
        String yaml = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(ApiDocuments.compareOpenApi("catalog-service", yaml)).isNull();
    }

    @Test
    void every_event_type_the_service_publishes_is_in_the_asyncapi_document_on_its_topic() {
        for (String type : List.of(CatalogEventTypes.VERSION_PUBLISHED, CatalogEventTypes.VERSION_SUPERSEDED,
                CatalogEventTypes.VERSION_REVISED)) {
            assertThat(ApiDocuments.asyncApiMessages()).containsEntry(type, "catalog.events");
        }
    }
}
