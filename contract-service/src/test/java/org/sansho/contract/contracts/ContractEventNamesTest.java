package org.sansho.contract.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.testsupport.TopicRecords;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.contract.Fixtures.as;

/**
 * Every contract event names both parties as they are registered (Japanese, and English where one was given), so
 * that a consumer lists a counterpart by name without calling back.
 */
@QuarkusTest
class ContractEventNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void contract_events_carry_the_hospitals_and_the_vendors_registered_names() {
        Fixtures.standardBaselines();
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        as("procurement", hospital).body(Map.of("kind", "HOSPITAL", "nameJa", "みなと総合病院",
                "corporateNumber", Fixtures.corporateNumber())).post("/api/v1/organizations").then().statusCode(201);
        as("procurement", hospital).body(Map.of("kind", "VENDOR", "id", vendor.toString(), "nameJa", "北斗クラウド株式会社",
                        "nameEn", "Hokuto Cloud Inc.", "corporateNumber", Fixtures.corporateNumber()))
                .post("/api/v1/organizations").then().statusCode(201);
        String service = as("vendor", vendor).body(Map.of("name", "画像保管サービス", "serviceModel", "SAAS",
                        "dataLocations", List.of(Map.of("country", "JP", "region", "Osaka", "domesticJurisdiction", true))))
                .post("/api/v1/organizations/" + vendor + "/services").then().statusCode(201).extract().path("id");
        Fixtures.Parties p = new Fixtures.Parties(hospital, vendor, UUID.fromString(service));
        UUID contract = Fixtures.openContract(p);
        as("procurement", hospital).body(Map.of("to", "DISCLOSURE_REQUESTED"))
                .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(200);

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> events(contract),
                e -> e.stream().anyMatch(x -> x.path("type").asText().equals("org.sansho.contract.state-changed.v1")));
        assertThat(events).extracting(e -> e.path("type").asText())
                .contains("org.sansho.contract.created.v1", "org.sansho.contract.state-changed.v1");
        for (JsonNode event : events) {
            JsonNode data = event.path("data");
            assertThat(data.path("hospitalName").path("ja").asText()).as(event.path("type").asText())
                    .isEqualTo("みなと総合病院");
            assertThat(data.path("hospitalName").path("en").isNull()).as("no English name registered").isTrue();
            assertThat(data.path("vendorName").path("ja").asText()).isEqualTo("北斗クラウド株式会社");
            assertThat(data.path("vendorName").path("en").asText()).isEqualTo("Hokuto Cloud Inc.");
        }
    }

    private static List<JsonNode> events(UUID contract) {
        return TopicRecords.forKey("contract.events", contract.toString()).stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
