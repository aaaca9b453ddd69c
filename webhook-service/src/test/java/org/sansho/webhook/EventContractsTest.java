package org.sansho.webhook;

import org.junit.jupiter.api.Test;
import org.sansho.testsupport.events.EventContracts;
import org.sansho.webhook.events.WebhookEventTypes;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every event the module's tests made the service publish keeps its contract: a CloudEvent 1.0, on its documented
 * topic, its data valid against the payload schema its dataschema names in docs/asyncapi.yaml ({@link EventContracts}).
 * A plain test class, so it runs after every Quarkus test of the module and reads what they left in the outbox.
 */
class EventContractsTest {

    @Test
    void every_event_the_tests_published_is_a_cloudevent_whose_data_matches_its_asyncapi_schema() {
        EventContracts.Report report = EventContracts.document().checkOutbox("webhook");
        assumeTrue(report.events() > 0, "runs after the module's Quarkus tests, which publish the events it checks");
        assertThat(report.violations()).as(report::describe).isEmpty();
        assertThat(report.types()).as("every type the service publishes was published and checked")
                .containsAll(Arrays.asList(WebhookEventTypes.PUBLISHED));
    }
}
