package org.sansho.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, every rendered document is a Kubernetes object, and every reference resolves. */
class KubernetesManifestsTest {

    static List<Path> overlays() {
        return Installation.overlays();
    }

    @Test
    void thereIsASmallAndALargeInstallation() {
        assertThat(overlays()).extracting(p -> p.getFileName().toString()).containsExactly("large", "small");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayRendersIntoAnInstallationWhoseReferencesAllResolve(Path overlay) {
        List<Map<String, Object>> documents = Kustomize.render(overlay);

        List<String> problems = ManifestChecks.check(documents, Installation.externalSecrets(),
                Installation.services(), Installation.VERSION);

        assertThat(problems).as("problems in " + overlay).isEmpty();
        Map<String, List<String>> names = documents.stream().collect(Collectors.groupingBy(
                d -> Yaml.string(d, "kind"), Collectors.mapping(Kustomize::name, Collectors.toList())));
        for (String service : ServiceConfig.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                assertThat(names.get(kind)).as(kind).contains(service);
            }
            assertThat(names.get("ConfigMap")).contains(service + "-config");
            assertThat(names.get("Cluster")).contains(service.replace("-service", "-db"));
        }
        assertThat(names.get("Kafka")).containsExactly("sansho");
        Installation.services().forEach(s -> assertThat(names.get("KafkaTopic")).containsAll(s.allTopics()));
        assertThat(documents).allSatisfy(d -> assertThat(Yaml.string(d, "metadata", "namespace")).isEqualTo("sansho"));
    }

    @Test
    void theLargeInstallationScalesFurtherThanTheSmallOne() {
        List<Map<String, Object>> small = Kustomize.render(Installation.KUBERNETES.resolve("overlays/small"));
        List<Map<String, Object>> large = Kustomize.render(Installation.KUBERNETES.resolve("overlays/large"));

        for (String topic : List.of("catalog.events", "contract.events", "assessment.events")) {
            assertThat(number(large, "KafkaTopic", topic, "spec", "partitions"))
                    .isGreaterThan(number(small, "KafkaTopic", topic, "spec", "partitions"));
            assertThat(number(large, "KafkaTopic", topic, "spec", "replicas"))
                    .isGreaterThan(number(small, "KafkaTopic", topic, "spec", "replicas"));
        }
        for (String service : ServiceConfig.SERVICES) {
            assertThat(number(large, "HorizontalPodAutoscaler", service, "spec", "maxReplicas"))
                    .isGreaterThan(number(small, "HorizontalPodAutoscaler", service, "spec", "maxReplicas"));
            String cluster = service.replace("-service", "-db");
            assertThat(number(large, "Cluster", cluster, "spec", "instances"))
                    .isGreaterThan(number(small, "Cluster", cluster, "spec", "instances"));
        }
        assertThat(number(large, "KafkaNodePool", "dual-role", "spec", "replicas"))
                .isGreaterThan(number(small, "KafkaNodePool", "dual-role", "spec", "replicas"));
    }

    @Test
    void theChecksFindEachKindOfBrokenReference() {
        Path small = Installation.KUBERNETES.resolve("overlays/small");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "Service", "catalog-service"), "spec", "selector")
                .put("app.kubernetes.io/name", "catalogue"), "Service catalog-service: its selector");
        assertBroken(small, docs -> envOf(find(docs, "Deployment", "contract-service"), "QUARKUS_DATASOURCE_PASSWORD")
                .put("valueFrom", Map.of("secretKeyRef", Map.of("name", "contract-db-credentials", "key", "password"))),
                "refers to Secret contract-db-credentials");
        assertBroken(small, docs -> envOf(find(docs, "Deployment", "assessment-service"), "SANSHO_OIDC_CLIENT_SECRET")
                .put("valueFrom", Map.of("secretKeyRef", Map.of("name", "sansho-service-client", "key", "secret"))),
                "is not declared with the key secret");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "KafkaTopic", "contract.events"), "metadata", "labels")
                .put("strimzi.io/cluster", "kafka"), "KafkaTopic contract.events: strimzi.io/cluster kafka names no Kafka");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "HorizontalPodAutoscaler", "assessment-service"),
                "spec", "scaleTargetRef").put("name", "assessment"), "targets no existing Deployment");
        assertBroken(small, docs -> docs.remove(find(docs, "KafkaTopic", "catalog.events.dlq")),
                "uses topic catalog.events.dlq, which has no KafkaTopic");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "ConfigMap", "catalog-service-config"), "data")
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://contract-db-rw:5432/contract"),
                "catalog-service: QUARKUS_DATASOURCE_USERNAME does not come from contract-db-app");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "HorizontalPodAutoscaler", "contract-service"), "spec")
                .put("maxReplicas", 4), "has only 3 partitions");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "KafkaTopic", "assessment.events"), "spec")
                .put("replicas", 2), "KafkaTopic assessment.events: 2 replicas but 1 brokers");
        assertBroken(small, docs -> Yaml.map(Yaml.list(find(docs, "Deployment", "catalog-service"),
                "spec", "template", "spec", "containers").get(0)).put("image", "sansho/catalog-service:latest"),
                "image sansho/catalog-service:latest");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "Cluster", "assessment-db"), "spec", "postgresql", "parameters")
                .put("max_connections", "50"), "assessment-service: up to 3 instances x 20 connections exceed");
        assertBroken(small, docs -> Yaml.mapAt(find(docs, "ConfigMap", "sansho-common"), "data")
                .put("SANSHO_JWT_ISSUER", "https://keycloak.example.org/realms/other"), "is not the Keycloak realm's");
        assertBroken(Installation.KUBERNETES.resolve("overlays/large"), docs -> Yaml.mapAt(
                find(docs, "ScheduledBackup", "contract-db-nightly"), "spec", "cluster").put("name", "contract"),
                "ScheduledBackup contract-db-nightly names no existing Cluster");
    }

    private static void assertBroken(Path overlay, Consumer<List<Map<String, Object>>> breakIt, String expected) {
        List<Map<String, Object>> documents = new java.util.ArrayList<>(Kustomize.render(overlay));
        assertThat(ManifestChecks.check(documents, Installation.externalSecrets(), Installation.services(),
                Installation.VERSION)).isEmpty();
        breakIt.accept(documents);
        assertThat(ManifestChecks.check(documents, Installation.externalSecrets(), Installation.services(),
                Installation.VERSION)).anySatisfy(p -> assertThat(p).contains(expected));
    }

    private static Map<String, Object> envOf(Map<String, Object> deployment, String name) {
        for (Object c : Yaml.list(deployment, "spec", "template", "spec", "containers")) {
            for (Object e : Yaml.list(c, "env")) {
                if (name.equals(Yaml.string(e, "name"))) {
                    return Yaml.map(e);
                }
            }
        }
        throw new AssertionError("no env " + name + " in " + Kustomize.name(deployment));
    }

    static Map<String, Object> find(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(Yaml.string(d, "kind")) && name.equals(Kustomize.name(d)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static int number(List<Map<String, Object>> documents, String kind, String name, String... path) {
        return ManifestChecks.integer(Yaml.at(find(documents, kind, name), path), -1);
    }
}
