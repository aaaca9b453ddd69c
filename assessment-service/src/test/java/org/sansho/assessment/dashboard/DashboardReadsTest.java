package org.sansho.assessment.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.platform.security.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sansho.assessment.Fixtures.as;

/**
 * The dashboard's reads on real PostgreSQL and Kafka: contracts overview (filters, sort, paging), a contract's
 * timeline, the findings list and risk matrix, and the weekly trend; each for the hospital and the vendor, and 404 for
 * anyone else; bad queries are problems.
 */
@QuarkusTest
class DashboardReadsTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void the_contracts_overview_filters_sorts_and_pages_a_hospitals_contracts_and_a_vendor_sees_its_own() {
        DashboardWorld world = new DashboardWorld(kafka);
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID otherVendor = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        UUID flagged = UUID.randomUUID();
        world.created(active, hospital, vendor, "Cloud PACS");
        world.moved(active, hospital, vendor, "AGREED", "ACTIVE", "IN_CONTRACT", null);
        world.created(draft, hospital, otherVendor, "Appointment booking");
        world.created(flagged, hospital, vendor, "Electronic medical records");
        world.contractEvent(flagged, hospital, vendor, "org.sansho.contract.reagreement-required.v1",
                Map.of("superseded", Map.of("guidelineId", "mhlw", "version", "6.0"),
                        "by", Map.of("guidelineId", "mhlw", "version", "6.1")));
        LocalDate deadline = LocalDate.now().plusDays(20);
        world.contractEvent(active, hospital, vendor, "org.sansho.contract.notice-deadline-approaching.v1",
                Map.of("deadline", deadline.toString(), "thresholdDays", 30, "kind", "NOTICE_DEADLINE"));
        String q = "?hospital=" + hospital;
        String base = "/api/v1/contracts-overview" + q;

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath page = as(Roles.PROCUREMENT, hospital).get(base).then().statusCode(200).extract().jsonPath();
            return page.getInt("totalItems") == 3 && page.getList("items.title").contains("Cloud PACS")
                    && page.getList("items.reagreementPending").contains(true)
                    && page.getList("items.nextDeadline").contains(deadline.toString());
        });

        JsonPath inContract = as(Roles.PROCUREMENT, hospital).get(base + "&phase=IN_CONTRACT").then().statusCode(200)
                .extract().jsonPath();
        assertThat(inContract.getList("items.contractId")).containsExactly(active.toString());
        assertThat(inContract.getString("items[0].state")).isEqualTo("ACTIVE");
        assertThat(inContract.getString("items[0].nextDeadline")).isEqualTo(deadline.toString());
        assertThat(inContract.getString("items[0].nextDeadlineKind")).isEqualTo("NOTICE_DEADLINE");
        assertThat(inContract.getString("items[0].stateChangedAt")).isNotNull();
        assertThat(ids(hospital, base + "&counterpart=" + otherVendor)).containsExactly(draft.toString());
        assertThat(ids(hospital, base + "&reagreementPending=true")).containsExactly(flagged.toString());
        assertThat(ids(hospital, base + "&contract=" + draft)).containsExactly(draft.toString());
        assertThat(ids(hospital, base + "&contract=" + UUID.randomUUID())).isEmpty();
        assertThat(ids(hospital, base + "&state=DRAFT&title=records")).containsExactly(flagged.toString());
        assertThat(as(Roles.PROCUREMENT, hospital).get(base + "&sort=title").then().statusCode(200).extract()
                .jsonPath().getList("items.title"))
                .containsExactly("Appointment booking", "Cloud PACS", "Electronic medical records");
        assertThat(as(Roles.PROCUREMENT, hospital).get(base + "&sort=-title").then().statusCode(200).extract()
                .jsonPath().getList("items.title"))
                .containsExactly("Electronic medical records", "Cloud PACS", "Appointment booking");
        // The one contract with a deadline first, however it is sorted: empty values last.
        assertThat(ids(hospital, base + "&sort=nextDeadline").get(0)).isEqualTo(active.toString());
        assertThat(ids(hospital, base + "&sort=-nextDeadline").get(0)).isEqualTo(active.toString());

        JsonPath second = as(Roles.PROCUREMENT, hospital).get(base + "&sort=title&size=2&page=1").then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.title")).containsExactly("Electronic medical records");
        assertThat(second.getInt("totalItems")).isEqualTo(3);
        assertThat(second.getInt("totalPages")).isEqualTo(2);

        // The vendor sees its own two contracts, from its side; not the hospital's list, not another vendor's.
        assertThat(ids(vendor, Roles.VENDOR, "/api/v1/contracts-overview?vendor=" + vendor + "&sort=title"))
                .containsExactly(active.toString(), flagged.toString());
        as(Roles.VENDOR, vendor).get(base).then().statusCode(404).contentType("application/problem+json");
        as(Roles.VENDOR, otherVendor).get("/api/v1/contracts-overview?vendor=" + vendor).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.PROCUREMENT, UUID.randomUUID()).get(base).then().statusCode(404)
                .contentType("application/problem+json");

        // Bad queries: a clear problem, nothing read.
        for (String bad : List.of("", "?hospital=" + hospital + "&vendor=" + vendor, q + "&sort=risk",
                q + "&phase=DURING", q + "&verdict=GOOD",
                q + "&state=active;drop", q + "&size=0",
                q + "&size=101", q + "&page=-1",
                q + "&title=" + "x".repeat(101))) {
            as(Roles.PROCUREMENT, hospital).get("/api/v1/contracts-overview" + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void the_overview_names_both_parties_as_the_latest_contract_event_carried_them() {
        DashboardWorld world = new DashboardWorld(kafka);
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID otherVendor = UUID.randomUUID();
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        world.created(named, hospital, vendor, "Cloud PACS",
                DashboardWorld.names("みなと総合病院", null, "北斗クラウド株式会社", "Hokuto Cloud Inc."));
        // published before contract events carried names: listed by id only
        world.created(unnamed, hospital, otherVendor, "Appointment booking");
        String base = "/api/v1/contracts-overview?hospital=" + hospital + "&sort=title";

        JsonPath page = await().atMost(Duration.ofSeconds(30)).until(() -> as(Roles.PROCUREMENT, hospital).get(base)
                .then().statusCode(200).extract().jsonPath(), p -> p.getInt("totalItems") == 2
                && "北斗クラウド株式会社".equals(p.getString("items[1].vendorName.ja")));
        assertThat(page.getList("items.contractId")).containsExactly(unnamed.toString(), named.toString());
        assertThat(page.getMap("items[0]")).containsEntry("vendorName", null).containsEntry("hospitalName", null);
        assertThat(page.getString("items[1].vendorName.en")).isEqualTo("Hokuto Cloud Inc.");
        assertThat(page.getString("items[1].hospitalName.ja")).isEqualTo("みなと総合病院");
        assertThat(page.getMap("items[1].hospitalName")).containsEntry("en", null);
        // The vendor's side lists the same contract with the hospital's name; the counterpart filter is by id.
        JsonPath vendorSide = as(Roles.VENDOR, vendor).get("/api/v1/contracts-overview?vendor=" + vendor).then()
                .statusCode(200).extract().jsonPath();
        assertThat(vendorSide.getList("items.contractId")).containsExactly(named.toString());
        assertThat(vendorSide.getString("items[0].hospitalName.ja")).isEqualTo("みなと総合病院");
        assertThat(ids(hospital, base + "&counterpart=" + vendor)).containsExactly(named.toString());

        // The vendor renamed itself: the next event carries the new name, and it wins.
        Map<String, Object> move = new java.util.HashMap<>(DashboardWorld.names("みなと総合病院", "Minato General Hospital",
                "北斗メディカルクラウド株式会社", "Hokuto Medical Cloud Inc."));
        move.putAll(Map.of("from", "DRAFT", "to", "UNDER_ASSESSMENT", "phase", "PRE_CONTRACT",
                "actor", "dr.sato@hospital.example", "occurredAt", Instant.now().toString()));
        world.contractEvent(named, hospital, vendor, "org.sansho.contract.state-changed.v1", move);
        await().atMost(Duration.ofSeconds(30)).until(() -> "北斗メディカルクラウド株式会社".equals(as(Roles.PROCUREMENT, hospital)
                .get(base + "&contract=" + named).then().statusCode(200).extract().path("items[0].vendorName.ja")));

        // An event stamped before the rename (redelivered late) does not bring the old name back; an event without
        // names (an older contract-service) leaves the names as they are, and a later one names the unnamed contract.
        world.contractEventAt(named, hospital, vendor, "org.sansho.contract.amended.v1", new java.util.HashMap<>(
                DashboardWorld.names("みなと総合病院", null, "北斗クラウド株式会社", "Hokuto Cloud Inc.")),
                Instant.now().minus(Duration.ofHours(1)));
        world.contractEvent(named, hospital, vendor, "org.sansho.contract.reagreement-required.v1",
                Map.of("superseded", Map.of("guidelineId", "mhlw", "version", "6.0"),
                        "by", Map.of("guidelineId", "mhlw", "version", "6.1")));
        world.contractEvent(unnamed, hospital, otherVendor, "org.sansho.contract.amended.v1",
                DashboardWorld.names("みなと総合病院", "Minato General Hospital", "あおば予約システム株式会社", null));
        JsonPath after = await().atMost(Duration.ofSeconds(30)).until(() -> as(Roles.PROCUREMENT, hospital).get(base)
                .then().statusCode(200).extract().jsonPath(), p -> p.getBoolean("items[1].reagreementPending")
                && p.getString("items[0].vendorName.ja") != null);
        assertThat(after.getString("items[1].vendorName.ja")).isEqualTo("北斗メディカルクラウド株式会社");
        assertThat(after.getString("items[1].vendorName.en")).isEqualTo("Hokuto Medical Cloud Inc.");
        assertThat(after.getString("items[1].hospitalName.en")).isEqualTo("Minato General Hospital");
        assertThat(after.getString("items[0].vendorName.ja")).isEqualTo("あおば予約システム株式会社");
        assertThat(after.getMap("items[0].vendorName")).containsEntry("en", null);
    }

    @Test
    void a_contracts_timeline_shows_its_facts_in_order_and_who_moved_it_and_why_only_to_the_hospital() {
        DashboardWorld world = new DashboardWorld(kafka);
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        world.created(contract, hospital, vendor, "Regional lab results exchange");
        // (not through DISCLOSURE_REQUESTED: that would open the assessment this test seeds itself)
        world.moved(contract, hospital, vendor, "DRAFT", "UNDER_ASSESSMENT", "PRE_CONTRACT", null);
        world.moved(contract, hospital, vendor, "UNDER_ASSESSMENT", "AGREED", "PRE_CONTRACT",
                "residual backup risk accepted by the CISO");
        world.contractEvent(contract, hospital, vendor, "org.sansho.contract.incident-reported.v1",
                Map.of("incidentId", UUID.randomUUID().toString(), "ciaImpact", List.of("C"),
                        "detectedAt", Instant.now().toString(), "notifiedWithinSla", true));
        UUID[] reviewed = DashboardWorld.reviewedWithFindings(contract, hospital, vendor);
        String path = "/api/v1/contract-timelines/" + contract;

        List<String> types = await().atMost(Duration.ofSeconds(30)).until(() -> as(Roles.PROCUREMENT, hospital)
                .get(path + "?size=100").then().statusCode(200).extract().jsonPath().getList("items.type"),
                t -> t.contains("org.sansho.assessment.finding.opened.v1")
                        && t.contains("org.sansho.assessment.completed.v1")
                        && t.contains("org.sansho.contract.incident-reported.v1"));
        assertThat(types.subList(0, 3)).containsExactly("org.sansho.contract.created.v1",
                "org.sansho.contract.state-changed.v1", "org.sansho.contract.state-changed.v1");
        assertThat(types.indexOf("org.sansho.assessment.submitted.v1"))
                .isLessThan(types.indexOf("org.sansho.assessment.completed.v1"));
        assertThat(types.indexOf("org.sansho.assessment.completed.v1"))
                .isLessThan(types.indexOf("org.sansho.assessment.finding.opened.v1"));

        JsonPath hospitalView = as(Roles.PROCUREMENT, hospital).get(path + "?kind=STATE_CHANGE").then()
                .statusCode(200).extract().jsonPath();
        assertThat(hospitalView.getList("items.detail.to")).containsExactly("UNDER_ASSESSMENT", "AGREED");
        assertThat(hospitalView.getString("items[1].detail.reason")).isEqualTo("residual backup risk accepted by the CISO");
        assertThat(hospitalView.getString("items[1].detail.actor")).isEqualTo("dr.sato@hospital.example");
        String vendorView = as(Roles.VENDOR, vendor).get(path + "?kind=STATE_CHANGE").then().statusCode(200)
                .extract().asString();
        assertThat(vendorView).contains("AGREED").doesNotContain("CISO").doesNotContain("dr.sato");

        JsonPath findings = as(Roles.PROCUREMENT, hospital).get(path + "?kind=FINDING&newestFirst=true").then()
                .statusCode(200).extract().jsonPath();
        assertThat(findings.getList("items.detail.findingId"))
                .containsExactly(reviewed[2].toString(), reviewed[1].toString());
        assertThat(findings.getList("items.detail.riskLevel")).containsExactly("C", "A");

        as(Roles.PROCUREMENT, UUID.randomUUID()).get(path).then().statusCode(404).contentType("application/problem+json");
        as(Roles.VENDOR, UUID.randomUUID()).get(path).then().statusCode(404).contentType("application/problem+json");
        as(Roles.PROCUREMENT, hospital).get("/api/v1/contract-timelines/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(Roles.PROCUREMENT, hospital).get(path + "?kind=PAYMENT").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void the_risk_matrix_counts_findings_per_cell_and_each_cell_filters_the_findings_list() {
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        UUID[] reviewed = DashboardWorld.reviewedWithFindings(contract, hospital, vendor);
        UUID secondContract = UUID.randomUUID();
        UUID[] second = DashboardWorld.reviewedWithFindings(secondContract, hospital, vendor);

        JsonPath matrix = as(Roles.PROCUREMENT, hospital).get("/api/v1/risk-matrix?hospital=" + hospital).then()
                .statusCode(200).extract().jsonPath();
        assertThat(matrix.getList("cells")).hasSize(25);
        assertThat(matrix.getInt("findings")).isEqualTo(4);
        assertThat(cell(matrix, 3, 4)).containsEntry("level", "A").containsEntry("findings", 2);
        assertThat(cell(matrix, 2, 2)).containsEntry("level", "C").containsEntry("findings", 2);
        assertThat(cell(matrix, 5, 5)).containsEntry("level", "S").containsEntry("findings", 0);
        assertThat(cell(matrix, 1, 1)).containsEntry("level", "D");
        assertThat(matrix.getInt("byLevel.A")).isEqualTo(2);
        assertThat(as(Roles.PROCUREMENT, hospital).get("/api/v1/risk-matrix?hospital=" + hospital + "&contract="
                + contract).then().statusCode(200).extract().jsonPath().getInt("findings")).isEqualTo(2);

        String findings = "/api/v1/findings?hospital=" + hospital;
        JsonPath cellA = as(Roles.PROCUREMENT, hospital).get(findings + "&likelihood=3&impact=4").then()
                .statusCode(200).extract().jsonPath();
        assertThat(cellA.getList("items.id")).containsExactlyInAnyOrder(reviewed[1].toString(), second[1].toString());
        assertThat(cellA.getList("items.risk.level")).containsOnly("A");
        assertThat(cellA.getList("items.dueDate")).containsOnly("2031-01-31");
        assertThat(as(Roles.PROCUREMENT, hospital).get(findings + "&likelihood=3&impact=5").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        assertThat(as(Roles.PROCUREMENT, hospital).get(findings + "&level=C&contract=" + secondContract).then()
                .statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(second[2].toString());

        // The hospital accepts one risk: the matrix of open findings drops it, and the vendor never learns who or why.
        as(Roles.PROCUREMENT, hospital).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("approver", "Dr. Sato, CISO", "justification", "compensating control in place",
                        "expiresOn", LocalDate.now().plusMonths(6).toString()))
                .post("/api/v1/findings/{id}/risk-acceptance", reviewed[1]).then().statusCode(201);
        assertThat(cell(as(Roles.PROCUREMENT, hospital).get("/api/v1/risk-matrix?hospital=" + hospital).then()
                .statusCode(200).extract().jsonPath(), 3, 4)).containsEntry("findings", 1);
        assertThat(cell(as(Roles.VENDOR, vendor).get("/api/v1/risk-matrix?vendor=" + vendor
                + "&status=RISK_ACCEPTED").then().statusCode(200).extract().jsonPath(), 3, 4))
                .containsEntry("findings", 1);
        String accepted = "&status=RISK_ACCEPTED";
        assertThat(as(Roles.PROCUREMENT, hospital).get(findings + accepted).then().statusCode(200).extract()
                .jsonPath().getString("items[0].riskAcceptance.approver")).isEqualTo("Dr. Sato, CISO");
        String vendorSees = as(Roles.VENDOR, vendor).get("/api/v1/findings?vendor=" + vendor + accepted).then()
                .statusCode(200).extract().asString();
        assertThat(vendorSees).contains(reviewed[1].toString()).doesNotContain("Sato").doesNotContain("compensating");

        as(Roles.VENDOR, vendor).get(findings).then().statusCode(404).contentType("application/problem+json");
        as(Roles.PROCUREMENT, UUID.randomUUID()).get("/api/v1/risk-matrix?hospital=" + hospital).then()
                .statusCode(404).contentType("application/problem+json");
        for (String bad : List.of("&likelihood=0", "&impact=6", "&level=E", "&status=CLOSED", "&size=500")) {
            as(Roles.PROCUREMENT, hospital).get(findings + bad).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as(Roles.PROCUREMENT, hospital).get("/api/v1/risk-matrix").then().statusCode(400)
                .contentType("application/problem+json");
        as(Roles.PROCUREMENT, hospital).get("/api/v1/risk-matrix?hospital=" + hospital + "&status=LOST").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void the_trend_carries_each_contracts_latest_week_forward() {
        DashboardWorld world = new DashboardWorld(kafka);
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        world.created(first, hospital, vendor, "Cloud PACS");
        world.moved(first, hospital, vendor, "AGREED", "ACTIVE", "IN_CONTRACT", null);
        world.created(second, hospital, vendor, "Telemedicine");
        DashboardWorld.reviewedWithFindings(second, hospital, vendor);
        String trends = "/api/v1/posture-trends?hospital=" + hospital + "&weeks=6";

        JsonPath trend = await().atMost(Duration.ofSeconds(30)).until(() -> as(Roles.PROCUREMENT, hospital)
                .get(trends).then().statusCode(200).extract().jsonPath(), t -> t.getInt("weeks[5].contracts") == 2
                && t.getInt("weeks[5].contractsByPhase.IN_CONTRACT") == 1
                && t.getInt("weeks[5].contractsByPhase.PRE_CONTRACT") == 1);
        List<String> weeks = trend.getList("weeks.weekStart");
        assertThat(weeks).hasSize(6);
        assertThat(weeks.get(5)).isEqualTo(PostureProjection.weekOf(Instant.now()).toString());
        assertThat(LocalDate.parse(weeks.get(0))).isEqualTo(LocalDate.parse(weeks.get(5)).minusWeeks(5));
        assertThat(trend.getInt("weeks[5].contractsByPhase.PRE_CONTRACT")).isEqualTo(1);
        assertThat(trend.getInt("weeks[5].openMandatoryGaps")).isEqualTo(1);
        assertThat(trend.getInt("weeks[5].overdueFindings")).isZero();
        // Before this week, these contracts did not exist yet.
        assertThat(trend.getInt("weeks[0].contracts")).isZero();

        assertThat(as(Roles.VENDOR, vendor).get("/api/v1/posture-trends?vendor=" + vendor + "&weeks=1").then()
                .statusCode(200).extract().jsonPath().getInt("weeks[0].contracts")).isEqualTo(2);
        as(Roles.VENDOR, vendor).get(trends).then().statusCode(404).contentType("application/problem+json");
        for (String bad : List.of("&weeks=0", "&weeks=105")) {
            as(Roles.PROCUREMENT, hospital).get("/api/v1/posture-trends?hospital=" + hospital + bad).then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    private static Map<String, Object> cell(JsonPath matrix, int likelihood, int impact) {
        List<Map<String, Object>> cells = matrix.getList("cells");
        return cells.stream().filter(c -> ((Number) c.get("likelihood")).intValue() == likelihood
                && ((Number) c.get("impact")).intValue() == impact).findFirst().orElseThrow();
    }

    private static List<String> ids(UUID hospital, String path) {
        return ids(hospital, Roles.PROCUREMENT, path);
    }

    private static List<String> ids(UUID org, String role, String path) {
        return as(role, org).get(path).then().statusCode(200).extract().jsonPath().getList("items.contractId");
    }
}
