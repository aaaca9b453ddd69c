package org.sansho.testsupport.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks themselves: a conforming event passes, and each kind of drift is named. */
class EventContractsTest {

    private static final String TYPE = "org.sansho.catalog.guideline-version.superseded.v1";
    private static final String SCHEMA = EventContracts.DOCUMENT + "#/components/schemas/GuidelineVersionSupersededV1";

    private static String event(String dataschema, String data) {
        return """
                {"specversion":"1.0","id":"6f1c1a8e-3c39-4c55-9d55-0b7c1c9b7c11","source":"/sansho/catalog-service",
                 "type":"%s","subject":"mhlw-medical-information-security","time":"2026-04-01T00:00:00Z",
                 "datacontenttype":"application/json","dataschema":"%s","data":%s}"""
                .formatted(TYPE, dataschema, data);
    }

    private static final String DATA = """
            {"guidelineId":"mhlw-medical-information-security","version":"5.2",
             "supersededBy":{"guidelineId":"mhlw-medical-information-security","version":"6.0"}}""";

    private final EventContracts contracts = EventContracts.document();

    @Test
    void an_event_as_documented_passes() {
        assertThat(contracts.dataSchema(TYPE)).isEqualTo(SCHEMA);
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", event(SCHEMA, DATA)))
                .isEmpty();
    }

    @Test
    void a_missing_required_property_and_a_wrong_type_are_each_named() {
        String data = """
                {"guidelineId":"mhlw-medical-information-security","version":5.2}""";
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", event(SCHEMA, data)))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("data").contains("supersededBy"))
                .anySatisfy(p -> assertThat(p).startsWith("data /version"));
    }

    @Test
    void a_property_the_schema_does_not_declare_is_named_also_inside_a_referenced_schema() {
        String data = DATA.replace("\"version\":\"5.2\",", "\"version\":\"5.2\",\"replacedBy\":\"6.0\",");
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", event(SCHEMA, data)))
                .singleElement().satisfies(p -> assertThat(p).startsWith("data").contains("replacedBy"));
        String nested = DATA.replace("\"version\":\"6.0\"}", "\"version\":\"6.0\",\"label\":\"6.0\"}");
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", event(SCHEMA, nested)))
                .singleElement().satisfies(p -> assertThat(p).startsWith("data /supersededBy").contains("label"));
    }

    @Test
    void an_envelope_the_cloudevents_sdk_refuses_is_not_an_event() {
        String noSource = event(SCHEMA, DATA).replace("\"source\":\"/sansho/catalog-service\",", "");
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", noSource))
                .singleElement().satisfies(p -> assertThat(p).startsWith("not a CloudEvent 1.0"));
        String badTime = event(SCHEMA, DATA).replace("2026-04-01T00:00:00Z", "yesterday");
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", badTime))
                .singleElement().satisfies(p -> assertThat(p).startsWith("not a CloudEvent 1.0"));
    }

    @Test
    void a_wrong_dataschema_topic_or_key_is_named() {
        String other = EventContracts.DOCUMENT + "#/components/schemas/GuidelineVersionPublishedV1";
        assertThat(contracts.check("contract.events", "another-key", event(other, DATA)))
                .anySatisfy(p -> assertThat(p).startsWith("published on contract.events"))
                .anySatisfy(p -> assertThat(p).startsWith("record key another-key"))
                .anySatisfy(p -> assertThat(p).startsWith("dataschema is " + other));
    }

    @Test
    void an_envelope_attribute_the_document_does_not_declare_is_named() {
        String extended = event(SCHEMA, DATA).replace("\"datacontenttype\"", "\"partitionkey\":\"x\",\"datacontenttype\"");
        assertThat(contracts.check("catalog.events", "mhlw-medical-information-security", extended))
                .anySatisfy(p -> assertThat(p).startsWith("envelope").contains("partitionkey"));
    }
}
