package org.sansho.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose file holds together: every dependency, URL, mount and secret names something that exists, and the
 * services run the images, ports, databases and topics their own configuration expects.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Installation.DEPLOY.resolve("compose");
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    static void parse() throws IOException {
        // SnakeYAML resolves the merge keys (<<: *service-environment) the way Docker Compose does.
        compose = Yaml.map(new org.yaml.snakeyaml.Yaml().load(Files.readString(COMPOSE.resolve("compose.yaml"))));
        services = Yaml.mapAt(compose, "services");
    }

    @Test
    void everyDependencyNamesAServiceThatCanSatisfyItsCondition() {
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> Yaml.mapAt(service, "depends_on").forEach((dependency, spec) -> {
            String condition = Yaml.string(spec, "condition");
            if (!services.containsKey(dependency)) {
                problems.add(name + " depends on " + dependency + ", which is no service");
            } else if ("service_healthy".equals(condition) && Yaml.at(services.get(dependency), "healthcheck") == null) {
                problems.add(name + " waits for " + dependency + " to be healthy, which has no healthcheck");
            } else if ("service_completed_successfully".equals(condition)
                    && !"no".equals(Yaml.string(services.get(dependency), "restart"))) {
                problems.add(name + " waits for " + dependency + " to complete, which is not a one-shot service");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(services).containsKeys("kafka", "postgres", "keycloak");
    }

    @Test
    void eachServiceRunsItsImageOnItsPortWithItsOwnDatabaseAndReachesKafkaAndKeycloak() {
        for (ServiceConfig config : Installation.services()) {
            Object service = services.get(config.name());
            assertThat(service).as(config.name()).isNotNull();
            assertThat(Yaml.string(service, "image"))
                    .isEqualTo("sansho/" + config.name() + ":${SANSHO_VERSION:-" + Installation.VERSION + "}");
            assertThat(Yaml.list(service, "ports")).contains(config.port() + ":" + config.port());
            Map<String, Object> env = Yaml.mapAt(service, "environment");

            URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").toString().substring("jdbc:".length()));
            assertThat(services).containsKey(jdbc.getHost());
            String database = jdbc.getPath().substring(1);
            assertThat(database).isEqualTo(config.name().replace("-service", ""));
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(database);
            assertThat(Yaml.mapAt(services.get(jdbc.getHost()), "environment"))
                    .containsKey("SANSHO_" + database.toUpperCase() + "_DB_PASSWORD");

            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS").toString();
            assertThat(services).containsKey(bootstrap.substring(0, bootstrap.indexOf(':')));
            URI keys = URI.create(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION").toString());
            assertThat(services).containsKey(keys.getHost());
            assertThat(keys.getPath()).startsWith("/realms/sansho/");
            assertThat(env.get("SANSHO_JWT_ISSUER").toString())
                    .isEqualTo(Yaml.string(services.get(keys.getHost()), "environment", "KC_HOSTNAME") + "/realms/sansho");
        }
        URI catalog = URI.create(Yaml.string(services.get("assessment-service"), "environment", "QUARKUS_REST_CLIENT_CATALOG_URL"));
        assertThat(Yaml.list(services.get(catalog.getHost()), "ports")).contains(catalog.getPort() + ":" + catalog.getPort());
    }

    @Test
    void theInitScriptCreatesEveryServiceDatabaseAndTheTopicJobCreatesEveryTopic() throws IOException {
        String script = Files.readString(COMPOSE.resolve("postgres-init/create-databases.sh"));
        Matcher loop = Pattern.compile("for service in ([a-z ]+); do").matcher(script);
        assertThat(loop.find()).isTrue();
        List<String> databases = List.of(loop.group(1).trim().split(" +"));
        String topicJob = String.join("\n", Yaml.list(services.get("kafka-topics"), "command").stream().map(Object::toString).toList());
        Matcher topicLoop = Pattern.compile("for topic in ([a-z. ]+); do").matcher(topicJob);
        assertThat(topicLoop.find()).isTrue();
        List<String> created = new ArrayList<>();
        for (String topic : topicLoop.group(1).trim().split(" +")) {
            created.add(topic);
            if (topicJob.contains("--topic \"$$topic.dlq\"")) {
                created.add(topic + ".dlq");
            }
        }
        for (ServiceConfig config : Installation.services()) {
            assertThat(databases).contains(config.name().replace("-service", ""));
            assertThat(created).containsAll(config.allTopics());
        }
        assertThat(Yaml.string(services.get("kafka"), "environment", "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    /** deploy/keycloak/ holds the realm export that Keycloak imports at start-up. */
    @Test
    void theRealmKeycloakImportsIsTheOneTheServicesTrust() throws IOException {
        Path realms = COMPOSE.resolve("../keycloak").normalize();
        assertThat(Yaml.list(services.get("keycloak"), "volumes")).contains("../keycloak:/opt/keycloak/data/import:ro");
        assumeTrue(Files.isDirectory(realms), "deploy/keycloak/ holds no realm export yet");
        List<Map<String, Object>> exports = new ArrayList<>();
        try (var files = Files.list(realms)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                exports.add(Yaml.map(new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class)));
            }
        }
        Map<String, Object> realm = exports.stream().filter(r -> "sansho".equals(r.get("realm"))).findFirst()
                .orElseThrow(() -> new AssertionError("no realm named sansho in " + realms));
        List<String> roles = Yaml.list(realm, "roles", "realm").stream().map(r -> Yaml.string(r, "name")).toList();
        assertThat(roles).contains("catalog-admin", "procurement", "vendor", "auditor", "service");
    }

    @Test
    void mountsExistAndSecretsAreDeclaredButNeverCommitted() throws IOException {
        services.forEach((name, service) -> {
            for (Object volume : Yaml.list(service, "volumes")) {
                String source = volume.toString().split(":")[0];
                // The realm directory is checked by theRealmKeycloakImportsIsTheOneTheServicesTrust.
                if (source.startsWith(".") && !source.equals("../keycloak")) {
                    assertThat(COMPOSE.resolve(source).normalize()).as(name + " mounts " + source).exists();
                }
            }
            for (Object secret : Yaml.list(service, "secrets")) {
                assertThat(Yaml.mapAt(compose, "secrets")).as(name + " uses secret " + secret).containsKey(secret.toString());
            }
        });
        for (Object secret : Yaml.mapAt(compose, "secrets").values()) {
            assertThat(Yaml.string(secret, "file")).startsWith("./secrets/");
        }
        assertThat(Files.readAllLines(COMPOSE.resolve(".gitignore"))).contains("secrets/");
    }
}
