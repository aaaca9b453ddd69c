package org.sansho.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.sansho.contract.events.ContractEventTypes;
import org.sansho.testsupport.ApiDocuments;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ApiDocumentsTest {

    @Test
    void the_committed_openapi_document_matches_the_generated_one() {
        String yaml = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(ApiDocuments.compareOpenApi("contract-service", yaml)).isNull();
    }

    @Test
    void every_published_event_type_is_in_the_asyncapi_document_on_contract_events() {
        Map<String, String> messages = ApiDocuments.asyncApiMessages();
        assertThat(Arrays.asList(ContractEventTypes.PUBLISHED)).allSatisfy(type ->
                assertThat(messages).containsEntry(type, ContractEventTypes.TOPIC));
        assertThat(messages).containsEntry(ContractEventTypes.ASSESSMENT_COMPLETED, "assessment.events")
                .containsEntry(ContractEventTypes.ASSESSMENT_VERDICT_CHANGED, "assessment.events")
                .containsEntry(ContractEventTypes.GUIDELINE_VERSION_PUBLISHED, "catalog.events");
    }
}
