package org.sansho.assessment.dashboard;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sansho.assessment.Fixtures.as;

/**
 * The dashboard in a real headless Chromium, as a hospital's compliance officer uses it: a dozen contracts in
 * different phases, filtered and sorted; one opened with its timeline, findings and assessment items; a risk-matrix
 * cell chosen to list its findings; the weekly trends; everything again in Japanese with 和暦; a contract moving
 * while the page is open, without a reload. Each view passes axe-core (no serious or critical violation) and is
 * saved as a screenshot under target/dashboard/. Then the vendor of some of the contracts logs in: only its own
 * contracts, named by their hospital; one opened with its timeline and findings, and nothing on the page says who
 * accepted a risk or why. Skipped where no Chromium is installed (.ci/run installs Debian's
 * chromium, chromium-driver and fonts-noto-cjk).
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path SHOTS = Path.of("target", "dashboard");
    private static final String HOSPITAL_JA = "みなと総合病院";
    private static final String HOSPITAL_EN = "Minato General Hospital";
    private static final String APPROVER = "Dr. Sato, CISO";
    private static final String JUSTIFICATION = "compensating control: quarterly restore drill witnessed";

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    EntityManager em;

    /** A seeded contract: title, the states it goes through after DRAFT, and its vendor. */
    private record Seed(UUID id, String title, List<String[]> moves, UUID vendor) {
    }

    @Test
    void a_compliance_officer_filters_opens_drills_into_risk_and_sees_a_contract_move_live_and_the_vendor_its_own()
            throws Exception {
        var binaries = ChromeDriverSession.binaries();
        assumeTrue(binaries.isPresent(), "Chromium and chromedriver are not installed (apt-get install chromium "
                + "chromium-driver fonts-noto-cjk); the browser test is skipped");
        DashboardWorld world = new DashboardWorld(kafka);
        UUID hospital = UUID.randomUUID();
        UUID[] vendors = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        List<Seed> seeds = new ArrayList<>();
        String[][] plan = {
                {"Cloud PACS", "AGREED:PRE_CONTRACT", "ACTIVE:IN_CONTRACT"},
                {"Electronic medical records", "UNDER_ASSESSMENT:PRE_CONTRACT"},
                {"Appointment booking"},
                {"Telemedicine platform", "AGREED:PRE_CONTRACT", "ACTIVE:IN_CONTRACT"},
                {"Regional lab results exchange", "AGREED:PRE_CONTRACT", "ACTIVE:IN_CONTRACT", "INCIDENT:IN_CONTRACT"},
                {"Backup as a service", "AGREED:PRE_CONTRACT", "ACTIVE:IN_CONTRACT"},
                {"Radiology reading outsourcing", "UNDER_ASSESSMENT:PRE_CONTRACT", "AGREED:PRE_CONTRACT"},
                {"Medication management"},
                {"Legacy HIS hosting", "AGREED:PRE_CONTRACT", "ACTIVE:IN_CONTRACT", "DATA_RETURN:POST_TERMINATION"},
                {"Old PACS archive", "AGREED:PRE_CONTRACT", "ACTIVE:IN_CONTRACT", "DATA_DELETION:POST_TERMINATION",
                        "CLOSED:POST_TERMINATION"},
                {"Patient portal", "CANCELLED:PRE_CONTRACT"},
                {"Nurse call integration", "UNDER_ASSESSMENT:PRE_CONTRACT"}};
        for (int i = 0; i < plan.length; i++) {
            List<String[]> moves = new ArrayList<>();
            for (int m = 1; m < plan[i].length; m++) {
                moves.add(plan[i][m].split(":"));
            }
            seeds.add(new Seed(UUID.randomUUID(), plan[i][0], moves, vendors[i % vendors.length]));
        }
        // The parties' names as contract-service carries them; the third vendor registered no English name.
        String[][] vendorNames = {{"北斗クラウド株式会社", "Hokuto Cloud Inc."},
                {"あおばメディカルシステムズ株式会社", "Aoba Medical Systems Inc."}, {"さくらデータセンター株式会社", null}};
        for (Seed s : seeds) {
            String[] vendorName = vendorNames[List.of(vendors).indexOf(s.vendor())];
            world.created(s.id(), hospital, s.vendor(), s.title(), DashboardWorld.names(HOSPITAL_JA, HOSPITAL_EN,
                    vendorName[0], vendorName[1]));
            String from = "DRAFT";
            for (String[] move : s.moves()) {
                // (never through DISCLOSURE_REQUESTED, UNDER_REVIEW or TERMINATION_NOTICED: those open assessments,
                // and this test seeds the one it shows itself)
                world.moved(s.id(), hospital, s.vendor(), from, move[0], move[1],
                        move[0].equals("AGREED") ? "conditions agreed at the security committee" : null);
                from = move[0];
            }
        }
        Seed pacs = seeds.get(0);
        Seed emr = seeds.get(1);
        Seed booking = seeds.get(2);
        world.contractEvent(emr.id(), hospital, emr.vendor(), "org.sansho.contract.reagreement-required.v1",
                Map.of("superseded", Map.of("guidelineId", "mhlw", "version", "6.0"),
                        "by", Map.of("guidelineId", "mhlw", "version", "6.1")));
        LocalDate due = LocalDate.now().plusDays(25);
        world.contractEvent(pacs.id(), hospital, pacs.vendor(), "org.sansho.contract.notice-deadline-approaching.v1",
                Map.of("deadline", due.toString(), "thresholdDays", 30, "kind", "NOTICE_DEADLINE"));
        world.contractEvent(seeds.get(4).id(), hospital, seeds.get(4).vendor(),
                "org.sansho.contract.incident-reported.v1", Map.of("incidentId", UUID.randomUUID().toString(),
                        "ciaImpact", List.of("C", "A"), "detectedAt", Instant.now().toString(), "notifiedWithinSla", true));
        UUID[] reviewed = DashboardWorld.reviewedWithFindings(pacs.id(), hospital, pacs.vendor());

        await().atMost(Duration.ofSeconds(60)).until(() -> as(Roles.PROCUREMENT, hospital)
                .get("/api/v1/contracts-overview?hospital=" + hospital + "&phase=IN_CONTRACT").then().statusCode(200)
                .extract().jsonPath().getInt("totalItems") == 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> as(Roles.PROCUREMENT, hospital)
                .get("/api/v1/contract-timelines/" + pacs.id() + "?kind=FINDING").then().statusCode(200)
                .extract().jsonPath().getList("items").size() == 2);
        history(hospital, seeds);

        try (ChromeDriverSession browser = new ChromeDriverSession(binaries.get()[0], binaries.get()[1])) {
            browser.open(dashboard.toString());
            browser.script("localStorage.setItem('sansho.lang', 'en'); localStorage.setItem('sansho.era', 'gregorian');"
                    + " return null");
            browser.open(dashboard.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> "en".equals(browser.script(
                    "return document.documentElement.lang")));
            browser.type("#token", TestTokens.token(Roles.PROCUREMENT, hospital));
            browser.click("#login");
            await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(
                    browser.script("return document.getElementById('stream-status').dataset.state")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "12".equals(rows(browser)));
            browser.script("window.sanshoLoaded = 'once'; return null");
            accessible(browser, "contracts");
            browser.screenshot(SHOTS.resolve("contracts-en.png"));

            // Filter: during the contract only.
            browser.click("#f-phase option[value=IN_CONTRACT]");
            await().atMost(Duration.ofSeconds(20)).until(() -> "4".equals(rows(browser)));
            assertThat(browser.script("return [...document.querySelectorAll('#contract-list tbody tr')]"
                    + ".map(r => r.dataset.phase).join(',')")).isEqualTo("IN_CONTRACT,IN_CONTRACT,IN_CONTRACT,IN_CONTRACT");
            browser.click("#contract-list th[data-sort=title] button");
            await().atMost(Duration.ofSeconds(10)).until(() -> "ascending".equals(browser.script(
                    "return document.querySelector('#contract-list th[data-sort=title]').getAttribute('aria-sort')")));
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(titles()).equals(
                    "Backup as a service|Cloud PACS|Regional lab results exchange|Telemedicine platform"));
            browser.screenshot(SHOTS.resolve("contracts-filtered-en.png"));
            browser.click("#f-phase option[value='']");
            browser.click("#f-reagreement");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(titles()).equals(emr.title()));
            browser.click("#f-reset");
            await().atMost(Duration.ofSeconds(10)).until(() -> "12".equals(rows(browser)));

            // The vendors by name (in English, else in Japanese), and the filter by vendor chosen by its name.
            assertThat(browser.script(counterparts())).contains("Hokuto Cloud Inc.").contains("Aoba Medical Systems Inc.")
                    .contains("さくらデータセンター株式会社").doesNotContain(vendors[0].toString().substring(0, 8));
            assertThat(browser.script("return document.querySelector(\"#f-counterpart option[value='" + vendors[1]
                    + "']\").textContent")).isEqualTo("Aoba Medical Systems Inc.");
            // (chosen as the select's keyboard or mouse choice does: its value, then an input event)
            browser.script("const s = document.getElementById('f-counterpart'); s.value = '" + vendors[1]
                    + "'; s.dispatchEvent(new Event('input', { bubbles: true })); return null");
            await().atMost(Duration.ofSeconds(10)).until(() -> "4".equals(rows(browser)));
            assertThat(browser.script(counterparts())).isEqualTo(String.join("|", java.util.Collections.nCopies(4,
                    "Aoba Medical Systems Inc.")));
            browser.click("#f-reset");
            await().atMost(Duration.ofSeconds(10)).until(() -> "12".equals(rows(browser)));

            // Open a contract: its timeline in order, its findings, its assessment's items by section.
            browser.click("#contract-list button[data-contract='" + pacs.id() + "']");
            await().atMost(Duration.ofSeconds(15)).until(() -> "2".equals(browser.script(
                    "return String(document.querySelectorAll('#c-findings tbody tr').length)")));
            String timeline = browser.script("return [...document.querySelectorAll('#timeline li')].map(li => "
                    + "li.dataset.type).join(',')");
            assertThat(timeline).startsWith("org.sansho.contract.created.v1,org.sansho.contract.state-changed.v1,"
                    + "org.sansho.contract.state-changed.v1").contains("org.sansho.assessment.completed.v1")
                    .contains("org.sansho.assessment.finding.opened.v1")
                    .contains("org.sansho.contract.notice-deadline-approaching.v1");
            assertThat(browser.script("return document.getElementById('timeline').textContent"))
                    .contains("Agreed → Active").contains("conditions agreed at the security committee");
            assertThat(browser.script("return document.querySelector('#c-findings tbody').textContent"))
                    .contains("M-2").contains("R-1").contains("2031-01-31");
            assertThat(browser.script("return String(document.querySelectorAll('#c-items tbody tr').length)"))
                    .isEqualTo("3");
            assertThat(browser.script("return document.getElementById('c-items').textContent"))
                    .contains("Nonconformant").contains("Implemented");
            assertThat(browser.script("return document.getElementById('c-facts').textContent"))
                    .contains(due.toString());
            accessible(browser, "contract");
            browser.screenshot(SHOTS.resolve("contract-en.png"));

            // By keyboard to the risk matrix, then a cell: its findings.
            browser.keys("#tab-contract", ChromeDriverSession.ARROW_RIGHT);
            await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(browser.script(
                    "return document.getElementById('tab-risk').getAttribute('aria-selected')")));
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("tab-risk");
            await().atMost(Duration.ofSeconds(10)).until(() -> "25".equals(browser.script(
                    "return String(document.querySelectorAll('#matrix button.cell').length)")));
            String cell = "#matrix button[data-likelihood='3'][data-impact='4']";
            assertThat(browser.script("return document.querySelector(\"" + cell + "\").dataset.level")).isEqualTo("A");
            assertThat(browser.script("return document.querySelector(\"" + cell + "\").dataset.count")).isEqualTo("1");
            browser.keys(cell, ChromeDriverSession.ENTER);
            await().atMost(Duration.ofSeconds(10)).until(() -> "1".equals(browser.script(
                    "return String(document.querySelectorAll('#risk-findings tbody tr').length)")));
            assertThat(browser.script("return document.querySelector('#risk-findings tbody tr').dataset.finding"))
                    .isEqualTo(reviewed[1].toString());
            assertThat(browser.script("return document.querySelector('#risk-findings tbody').textContent"))
                    .contains("M-2").contains("Cloud PACS");
            accessible(browser, "risk");
            browser.screenshot(SHOTS.resolve("risk-en.png"));

            // Trends: two hand-drawn charts, the last week as the posture stands now.
            browser.click("#tab-trends");
            await().atMost(Duration.ofSeconds(10)).until(() -> "5".equals(browser.script(
                    "return String(document.querySelectorAll('.chart svg path.series').length)")));
            assertThat(browser.script("return document.querySelector('#chart-phases table').textContent"))
                    .contains(PostureProjection.weekOf(Instant.now()).toString().substring(5));
            accessible(browser, "trends");
            browser.screenshot(SHOTS.resolve("trends-en.png"));

            browser.click("#tab-feed");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(
                    "return document.querySelector('#deadlines tbody').textContent").contains(due.toString()));
            accessible(browser, "feed");

            // 日本語, and dates in the Japanese era.
            browser.click("#lang");
            browser.click("#era option[value=japanese]");
            browser.click("#tab-contracts");
            await().atMost(Duration.ofSeconds(10)).until(() -> "12".equals(rows(browser)));
            assertThat(browser.script("return document.getElementById('tab-contracts').textContent")).isEqualTo("契約一覧");
            assertThat(browser.script("return document.querySelector('#contract-list tbody').textContent"))
                    .contains("契約中").contains("令和").contains("北斗クラウド株式会社");
            accessible(browser, "contracts (ja)");
            browser.screenshot(SHOTS.resolve("contracts-ja.png"));
            browser.click("#tab-contract");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(
                    "return document.getElementById('timeline').textContent").contains("合意済み → 稼働中"));
            assertThat(browser.script("return document.getElementById('c-facts').textContent")).contains("令和");
            browser.screenshot(SHOTS.resolve("contract-ja.png"));
            browser.click("#tab-risk");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(
                    "return document.getElementById('risk-filter').textContent").contains("発生可能性 3"));
            accessible(browser, "risk (ja)");
            browser.screenshot(SHOTS.resolve("risk-ja.png"));
            browser.click("#tab-trends");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(
                    "return document.querySelector('#chart-issues figcaption, #view-trends figcaption').textContent")
                    .contains("週次"));
            browser.screenshot(SHOTS.resolve("trends-ja.png"));
            browser.click("#lang");
            browser.click("#era option[value=gregorian]");

            // A contract moves while the page is open: its row changes, without a reload.
            browser.click("#tab-contracts");
            world.moved(booking.id(), hospital, booking.vendor(), "DRAFT", "UNDER_ASSESSMENT", "PRE_CONTRACT", null);
            String row = "#contract-list tr[data-contract='" + booking.id() + "']";
            await().atMost(Duration.ofSeconds(30)).until(() -> "UNDER_ASSESSMENT".equals(browser.script(
                    "const r = document.querySelector(\"" + row + "\"); return r ? r.dataset.state : null")));
            assertThat(browser.script("return window.sanshoLoaded || null")).isEqualTo("once");
            assertThat(browser.script("return [...document.querySelectorAll('#feed li')].map(li => li.dataset.type "
                    + "+ ' ' + li.dataset.subject).join('\\n')"))
                    .contains("org.sansho.contract.state-changed.v1 " + booking.id());
            browser.screenshot(SHOTS.resolve("contracts-live-en.png"));
        }
        // The hospital accepts the residual risk of M-2; the vendor will see that it was accepted, not who or why.
        as(Roles.PROCUREMENT, hospital).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("approver", APPROVER, "justification", JUSTIFICATION,
                        "expiresOn", LocalDate.now().plusMonths(6).toString()))
                .post("/api/v1/findings/{id}/risk-acceptance", reviewed[1]).then().statusCode(201);
        vendorSession(binaries.get(), pacs, seeds.stream().filter(s -> s.vendor().equals(pacs.vendor()))
                .map(s -> s.id().toString()).sorted().toList());

        try (var shots = Files.list(SHOTS)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).map(p -> p.getFileName().toString()))
                    .contains("contracts-en.png", "contracts-ja.png", "contract-en.png", "contract-ja.png",
                            "risk-en.png", "risk-ja.png", "trends-en.png", "trends-ja.png", "vendor-contracts-en.png",
                            "vendor-contract-en.png", "vendor-contracts-ja.png");
        }
        assertThat(Files.size(SHOTS.resolve("contract-ja.png"))).isGreaterThan(10_000);
    }

    /**
     * The vendor of the PACS contract logs in: it lists only its own contracts, with the hospital's name, opens the
     * PACS contract and sees its timeline and findings, the accepted risk as accepted, and nowhere who accepted it or
     * why, nor who moved the contract or why.
     */
    private void vendorSession(Path[] binaries, Seed pacs, List<String> own) throws Exception {
        UUID vendor = pacs.vendor();
        try (ChromeDriverSession browser = new ChromeDriverSession(binaries[0], binaries[1])) {
            browser.open(dashboard.toString());
            browser.script("localStorage.setItem('sansho.lang', 'en'); localStorage.setItem('sansho.era', 'gregorian');"
                    + " sessionStorage.clear(); return null");
            browser.open(dashboard.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> "en".equals(browser.script(
                    "return document.documentElement.lang")));
            browser.type("#token", TestTokens.token(Roles.VENDOR, vendor));
            browser.click("#login");
            await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(
                    browser.script("return document.getElementById('stream-status').dataset.state")));
            await().atMost(Duration.ofSeconds(30)).until(() -> String.valueOf(own.size()).equals(rows(browser)));
            assertThat(browser.script("return document.getElementById('view').value")).isEqualTo("vendor");
            assertThat(browser.script("return [...document.querySelectorAll('#contract-list tbody tr')]"
                    + ".map(r => r.dataset.contract).sort().join(',')")).isEqualTo(String.join(",", own));
            assertThat(browser.script(counterparts())).isEqualTo(String.join("|",
                    java.util.Collections.nCopies(own.size(), HOSPITAL_EN)));
            assertThat(browser.script("return document.getElementById('col-counterpart').textContent"))
                    .isEqualTo("Hospital");
            assertThat(browser.script("return document.getElementById('who').textContent")).contains("Hokuto Cloud Inc.");
            accessible(browser, "vendor's contracts");
            browser.screenshot(SHOTS.resolve("vendor-contracts-en.png"));

            browser.click("#contract-list button[data-contract='" + pacs.id() + "']");
            await().atMost(Duration.ofSeconds(15)).until(() -> "2".equals(browser.script(
                    "return String(document.querySelectorAll('#c-findings tbody tr').length)")));
            await().atMost(Duration.ofSeconds(15)).until(() -> browser.script(
                    "return document.querySelector('#c-findings tbody').textContent").contains("Risk accepted"));
            String timeline = browser.script("return [...document.querySelectorAll('#timeline li')].map(li => "
                    + "li.dataset.type).join(',')");
            assertThat(timeline).startsWith("org.sansho.contract.created.v1,org.sansho.contract.state-changed.v1")
                    .contains("org.sansho.assessment.completed.v1").contains("org.sansho.assessment.finding.opened.v1");
            assertThat(browser.script("return document.getElementById('timeline').textContent"))
                    .contains("Agreed → Active");
            assertThat(browser.script("return document.querySelector('#c-findings tbody').textContent"))
                    .contains("M-2").contains("R-1").contains("accepted until");
            assertThat(browser.script("return document.getElementById('c-facts').textContent")).contains(HOSPITAL_EN);
            // The field-level rule: who accepted the risk and why, who moved the contract and why, are nowhere on
            // the page, neither shown nor hidden in it.
            assertThat(browser.script("return document.documentElement.outerHTML")).doesNotContainIgnoringCase("sato")
                    .doesNotContain("restore drill witnessed").doesNotContain("security committee");
            accessible(browser, "vendor's contract");
            browser.screenshot(SHOTS.resolve("vendor-contract-en.png"));

            browser.click("#lang");
            browser.click("#tab-contracts");
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.script(counterparts()).contains(HOSPITAL_JA));
            assertThat(browser.script("return document.getElementById('who').textContent")).contains("北斗クラウド株式会社");
            accessible(browser, "vendor's contracts (ja)");
            browser.screenshot(SHOTS.resolve("vendor-contracts-ja.png"));
        }
    }

    private static String counterparts() {
        return "return [...document.querySelectorAll('#contract-list tbody td.counterpart')].map(td => td.textContent)"
                + ".join('|')";
    }

    /** Weeks before this one, as the weekly snapshots would have recorded them: the trend has a history to show. */
    private void history(UUID hospital, List<Seed> seeds) {
        LocalDate thisWeek = PostureProjection.weekOf(Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int week = 1; week <= 8; week++) {
                for (int i = 0; i < seeds.size() - week / 2; i++) {
                    Seed s = seeds.get(i);
                    String phase = week > 4 || s.moves().isEmpty() ? "PRE_CONTRACT"
                            : s.moves().get(Math.min(1, s.moves().size() - 1))[1];
                    em.createNativeQuery("""
                                    insert into posture_week (week_start, contract_id, hospital_id, vendor_id, phase,
                                        open_mandatory_gaps, overdue_findings) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                            .setParameter(1, thisWeek.minusWeeks(week)).setParameter(2, s.id())
                            .setParameter(3, hospital).setParameter(4, s.vendor()).setParameter(5, phase)
                            .setParameter(6, (i + week) % 3 == 0 ? 2 : 0).setParameter(7, i % 4 == week % 4 ? 1 : 0)
                            .executeUpdate();
                }
            }
        });
    }

    private static String titles() {
        return "return [...document.querySelectorAll('#contract-list tbody th')].map(th => th.textContent).join('|')";
    }

    private static String rows(ChromeDriverSession browser) throws Exception {
        return browser.script("return String(document.querySelectorAll('#contract-list tbody tr').length)");
    }

    /** axe-core (vendored under src/test/resources/axe) over the page as it is: no serious or critical violation. */
    private static void accessible(ChromeDriverSession browser, String view) throws Exception {
        if (!"function".equals(browser.script("return typeof window.axe === 'undefined' ? null : typeof window.axe.run"))) {
            try (InputStream in = DashboardBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                assertThat(in).as("axe-core test resource").isNotNull();
                browser.script(new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n;return null");
            }
        }
        String violations = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
                    .join('\\n')), e => done('axe failed: ' + e));""");
        assertThat(violations).as("serious or critical accessibility violations in the " + view + " view").isEmpty();
    }

}
