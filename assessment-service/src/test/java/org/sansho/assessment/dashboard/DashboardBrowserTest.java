package org.sansho.assessment.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.sansho.assessment.Fixtures;
import org.sansho.platform.security.Roles;
import org.sansho.testsupport.TestTokens;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium: log in with a token, see the posture, deadlines and the live feed, and
 * a contract move from one phase to the next while the page is open. Skipped where no Chromium is installed
 * (.ci/run installs Debian's chromium and chromium-driver). The screenshot is kept as target/dashboard/dashboard.png.
 */
@QuarkusTest
class DashboardBrowserTest {

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void a_hospital_sees_a_contract_move_phase_live() throws Exception {
        var binaries = ChromeDriverSession.binaries();
        assumeTrue(binaries.isPresent(), "Chromium and chromedriver are not installed (apt-get install chromium "
                + "chromium-driver); the browser test is skipped");
        UUID hospital = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID contract = UUID.randomUUID();
        UUID certification = UUID.randomUUID();

        try (ChromeDriverSession browser = new ChromeDriverSession(binaries.get()[0], binaries.get()[1])) {
            browser.open(dashboard.toString());
            browser.type("#token", TestTokens.token(Roles.PROCUREMENT, hospital));
            browser.click("#login");
            await().atMost(Duration.ofSeconds(30)).until(() -> "live".equals(
                    browser.script("return document.getElementById('stream-status').dataset.state")));
            await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(
                    browser.script("return document.getElementById('contracts').textContent")));

            contractEvent(contract, hospital, vendor, "org.sansho.contract.created.v1",
                    Map.of("state", "DRAFT", "phase", "PRE_CONTRACT"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(phaseCount(browser, "PRE_CONTRACT")));
            assertThat(phaseCount(browser, "IN_CONTRACT")).isEqualTo("0");

            contractEvent(contract, hospital, vendor, "org.sansho.contract.state-changed.v1",
                    Map.of("from", "AGREED", "to", "ACTIVE", "phase", "IN_CONTRACT"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(phaseCount(browser, "IN_CONTRACT")));
            assertThat(phaseCount(browser, "PRE_CONTRACT")).isEqualTo("0");
            assertThat(browser.script("return [...document.querySelectorAll('#feed li')].map(li => li.dataset.type "
                    + "+ ' ' + li.dataset.subject).join('\\n')"))
                    .contains("org.sansho.contract.state-changed.v1 " + contract)
                    .contains("org.sansho.contract.created.v1 " + contract);

            // Reminders from contract-service show up among the deadlines.
            LocalDate due = LocalDate.now().plusDays(7);
            send(vendor, "org.sansho.contract.certification.expiring.v1", Map.of("organizationId", vendor.toString(),
                    "certificationId", certification.toString(), "scheme", "ISMAP",
                    "expiresOn", due.plusDays(20).toString(), "thresholdDays", 30));
            contractEvent(contract, hospital, vendor, "org.sansho.contract.notice-deadline-approaching.v1",
                    Map.of("deadline", due.toString(), "thresholdDays", 7, "kind", "NOTICE_DEADLINE"));
            await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(
                    browser.script("return String(document.querySelectorAll('#deadlines tbody tr').length)")));
            assertThat(browser.script("return document.querySelector('#deadlines tbody').textContent"))
                    .contains(due.toString()).contains("ISMAP");

            // Japanese on one click.
            browser.click("#lang");
            assertThat(browser.script("return document.getElementById('phase-IN_CONTRACT').textContent"))
                    .contains("契約中");
            browser.click("#lang");
            Path shot = Path.of("target", "dashboard", "dashboard.png");
            browser.screenshot(shot);
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }

    private static String phaseCount(ChromeDriverSession browser, String phase) throws Exception {
        return browser.script("return document.getElementById('phase-" + phase + "').dataset.count || null");
    }

    private void contractEvent(UUID contract, UUID hospital, UUID vendor, String type, Map<String, Object> extra) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("contractId", contract.toString(),
                "hospitalId", hospital.toString(), "vendorId", vendor.toString()));
        data.putAll(extra);
        send(contract, type, data);
    }

    private void send(UUID key, String type, Map<String, Object> data) {
        String value = Fixtures.cloudEvent(UUID.randomUUID().toString(), type, key.toString(), data);
        kafka.produceStrings().fromRecords(new ProducerRecord<>("contract.events", key.toString(), value))
                .awaitCompletion();
    }
}
