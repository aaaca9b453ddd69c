package org.sansho.catalog.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sansho.catalog.oscal.domain.OscalCatalogSchema;
import org.sansho.testsupport.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published OSCAL catalogs of other publishers, imported through the API and exported back:
 * <ul>
 *   <li>NIST SP 800-53 rev5 (5.1.1, 1,189 controls), as the npm package nist-controls ships it; the build downloads
 *   it into target/oscal-catalogs/npm (pom.xml), so it is here on every machine that reaches the npm registry;</li>
 *   <li>every {@code *.json} catalog in the shared folder {@code oscal-catalogs} beside the repository
 *   ({@code <repository>/../shared/oscal-catalogs}, or {@code -Dsansho.oscal-catalogs=<dir>}), whose README names
 *   their sources and licences (NIST SP 800-53 rev4 and the rev5 moderate baseline, the Australian ISM).</li>
 * </ul>
 * A catalog that is absent is skipped, saying where it was looked for. Each must import as a draft with a
 * requirement per control and no problem, and export back to a catalog valid by the official schema with the same
 * control ids and titles. The numbers are printed.
 */
@QuarkusTest
class OscalThirdPartyCatalogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @TestFactory
    Stream<DynamicTest> published_catalogs_import_as_drafts_and_export_back_with_the_same_control_ids_and_titles() {
        List<Path> catalogs = new ArrayList<>();
        catalogs.add(Path.of("target/oscal-catalogs/npm/NIST_SP-800-53_rev5_catalog-min.json"));
        Path shared = sharedCatalogs();
        if (shared != null) {
            try (Stream<Path> files = Files.list(shared)) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(catalogs::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            System.out.println("OSCAL third-party catalogs: no shared oscal-catalogs folder beside the repository "
                    + "(looked in " + candidates() + "); only the npm catalog is tried");
        }
        Set<String> labels = new HashSet<>();
        return catalogs.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Assumptions.assumeTrue(Files.isRegularFile(file), () -> file.toAbsolutePath() + " is absent (the npm "
                    + "registry was not reachable when the build ran, or the build ran offline): skipped");
            importAndExport(file, labels);
        }));
    }

    private void importAndExport(Path file, Set<String> labels) throws IOException {
        JsonNode original = JSON.readTree(file.toFile());
        Map<String, String> controls = OscalImportTest.controls(original);
        String name = file.getFileName().toString();
        String guideline = name.startsWith("NIST_SP-800-53") ? "tp-nist-sp-800-53"
                : name.startsWith("ISM") ? "tp-australian-ism"
                : "tp-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String version = original.path("catalog").path("metadata").path("version").asText()
                .replaceAll("[^0-9A-Za-z.-]", "-");
        String label = (version.length() > 13 ? version.substring(0, 13) : version) + "-" + RUN;
        while (!labels.add(guideline + " " + label)) {
            label = label + "x";
        }
        long start = System.nanoTime();
        JsonNode report = JSON.readTree(given().config(patient()).auth().oauth2(TestTokens.token("catalog-admin"))
                .contentType(ContentType.JSON).body(Files.readAllBytes(file))
                .queryParam("guidelineId", guideline.length() > 100 ? guideline.substring(0, 100) : guideline)
                .queryParam("version", label)
                .post("/api/v1/imports/oscal").then().statusCode(201).extract().asString());
        long imported = System.nanoTime();
        JsonNode exported = JSON.readTree(given().config(patient())
                .auth().oauth2(TestTokens.token("auditor", UUID.randomUUID()))
                .get("/api/v1/guidelines/" + guideline + "/versions/" + label + "/oscal").then().statusCode(200)
                .extract().asString());
        long done = System.nanoTime();
        List<String> invalid = OscalCatalogSchema.official().problems(exported);
        Map<String, String> exportedControls = OscalImportTest.controls(exported);

        System.out.printf("OSCAL third-party catalog %s (%s %s, OSCAL %s, %s): %d groups, %d controls (%d "
                        + "enhancements, %d withdrawn) -> %d sections, %d requirements; params %d inserted, %d "
                        + "resolved, %d shown, %d unresolved; %d elements not mapped in %d kinds; export valid: %s, "
                        + "same ids and titles: %s; import %d ms, export %d ms%n",
                name, report.at("/source/title").asText(), report.at("/source/version").asText(),
                report.at("/source/oscalVersion").asText(), report.at("/source/publisher").asText(),
                report.at("/counts/groups").asInt(), report.at("/counts/controls").asInt(),
                report.at("/counts/enhancements").asInt(), report.at("/counts/withdrawn").asInt(),
                report.at("/counts/sectionsCreated").asInt(), report.at("/counts/requirementsCreated").asInt(),
                report.at("/params/inserted").asInt(), report.at("/params/resolved").asInt(),
                report.at("/params/shown").asInt(), report.at("/params/unresolved").asInt(),
                report.path("unmappedTotal").asInt(), report.path("unmapped").size(), invalid.isEmpty(),
                exportedControls.equals(controls), (imported - start) / 1_000_000, (done - imported) / 1_000_000);
        report.path("unmapped").forEach(u -> System.out.printf("    not mapped: %s x%d (%s)%n",
                u.path("element").asText(), u.path("count").asInt(), u.path("reason").asText()));

        assertThat(report.at("/counts/requirementsCreated").asInt()).isEqualTo(controls.size())
                .isEqualTo(report.at("/counts/controls").asInt());
        assertThat(report.path("status").asText()).isEqualTo("DRAFT");
        assertThat(invalid).as("schema violations of the export").isEmpty();
        assertThat(exportedControls).as("control ids and titles of the export").isEqualTo(controls);
    }

    /** A thousand controls take longer than the test client's usual 30 seconds on a busy two-core machine. */
    private static RestAssuredConfig patient() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 600_000).setParam("http.connection.timeout", 60_000));
    }

    private static Path sharedCatalogs() {
        return candidates().stream().filter(Files::isDirectory).findFirst().orElse(null);
    }

    private static List<Path> candidates() {
        String given = System.getProperty("sansho.oscal-catalogs");
        if (given != null) {
            return List.of(Path.of(given));
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        return List.of(root.resolve("../shared/oscal-catalogs").normalize(),
                root.resolve("../../shared/oscal-catalogs").normalize());
    }
}
