package org.sansho.contract.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
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
 * The parties' names in contract events are read once per transaction: a rename earlier in the same transaction (an
 * import's organizations sheet before its contracts sheet) and a rename in an earlier transaction both show in the
 * events published after it, and the events published before it keep the names of their time.
 */
@QuarkusTest
class ImportEventNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "org.sansho.contract.created.v1";
    private static final String AMENDED = "org.sansho.contract.amended.v1";
    private static final String STATE_CHANGED = "org.sansho.contract.state-changed.v1";

    @BeforeAll
    static void baselines() {
        Fixtures.standardBaselines();
    }

    @Test
    void a_rename_shows_in_the_events_after_it_in_the_same_transaction_and_in_later_ones() {
        BulkImportTest.World w = BulkImportTest.World.fresh();
        BulkImportTest.importWorkbook(w.hospital(), false, w.workbook("電子カルテ利用契約")).then().statusCode(200);
        UUID contract = contractTitled(w.hospital(), "電子カルテ利用契約");

        // One import, one transaction: the vendor renamed on the organizations sheet, then the contract amended on
        // the contracts sheet.
        List<List<String>> renamed = List.of(w.organizations().get(0), w.organizations().get(1),
                List.of(w.vendorNumber(), "VENDOR", "メディクラウド新社", "MediCloud Inc."));
        Response second = BulkImportTest.importWorkbook(w.hospital(), false, BulkImportTest.workbook(Map.of(
                "組織", renamed, "サービス", w.services(), "契約", w.contracts("電子カルテ利用契約 (改)"))));
        second.then().statusCode(200);
        assertThat(BulkImportTest.counts(second, "organizations")).containsExactly(2, 0, 1, 1);
        assertThat(BulkImportTest.counts(second, "contracts")).containsExactly(2, 0, 1, 1);
        // A transaction of its own after the rename.
        as("procurement", w.hospital()).body(Map.of("to", "DISCLOSURE_REQUESTED"))
                .post("/api/v1/contracts/" + contract + "/transitions").then().statusCode(200);

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> events(contract),
                e -> e.stream().anyMatch(x -> x.path("type").asText().equals(STATE_CHANGED)));
        assertThat(events).extracting(e -> e.path("type").asText()).contains(CREATED, AMENDED, STATE_CHANGED);
        for (JsonNode event : events) {
            String type = event.path("type").asText();
            JsonNode data = event.path("data");
            assertThat(data.path("hospitalName").path("ja").asText()).as(type).isEqualTo("さくら病院");
            assertThat(data.path("hospitalName").path("en").asText()).as(type).isEqualTo("Sakura Hospital");
            if (type.equals(CREATED)) {
                assertThat(data.path("vendorName").path("ja").asText()).as(type).isEqualTo("メディクラウド株式会社");
                assertThat(data.path("vendorName").path("en").isNull()).as(type).isTrue();
            } else {
                assertThat(data.path("vendorName").path("ja").asText()).as(type).isEqualTo("メディクラウド新社");
                assertThat(data.path("vendorName").path("en").asText()).as(type).isEqualTo("MediCloud Inc.");
            }
        }
    }

    private static UUID contractTitled(UUID hospital, String title) {
        List<Map<String, Object>> items = as("procurement", hospital).get("/api/v1/contracts?size=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(i -> title.equals(i.get("title"))).map(i -> UUID.fromString((String) i.get("id")))
                .findFirst().orElseThrow();
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
