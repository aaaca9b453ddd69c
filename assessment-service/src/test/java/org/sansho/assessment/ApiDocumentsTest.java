package org.sansho.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.testsupport.ApiDocuments;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ApiDocumentsTest {

    @Test
    void the_committed_openapi_document_matches_the_generated_one() {
        String yaml = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(ApiDocuments.compareOpenApi("assessment-service", yaml)).isNull();
    }

    @Test
    void every_published_event_type_is_documented_on_the_assessment_topic() {
        Map<String, String> messages = ApiDocuments.asyncApiMessages();
        for (String type : AssessmentEventTypes.PUBLISHED) {
            assertThat(messages).as(type).containsEntry(type, "assessment.events");
        }
        assertThat(messages).containsEntry(AssessmentEventTypes.CONTRACT_STATE_CHANGED, "contract.events")
                .containsEntry(AssessmentEventTypes.CATALOG_VERSION_PUBLISHED, "catalog.events");
    }
}
