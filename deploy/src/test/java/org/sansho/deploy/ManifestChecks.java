package org.sansho.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a rendered installation: every document is a well-formed Kubernetes object, and every name one object uses
 * to find another (selectors, ConfigMap and Secret references, autoscaler targets, Strimzi cluster labels,
 * CloudNativePG cluster references, service URLs) names an object that exists. Returns the problems found, one
 * sentence each; an empty list means the installation holds together.
 */
final class ManifestChecks {

    /** The keys CloudNativePG writes into the Secret {@code <cluster>-app} of a Cluster bootstrapped by initdb. */
    static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
    /** Connections a CloudNativePG instance keeps for superusers, replication and the operator's own checks. */
    static final int RESERVED_CONNECTIONS = 10;
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final List<Map<String, Object>> documents;
    private final Map<String, Set<String>> externalSecrets;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Map<String, Map<String, Object>>> byKind = new HashMap<>();

    private ManifestChecks(List<Map<String, Object>> documents, Map<String, Set<String>> externalSecrets) {
        this.documents = documents;
        this.externalSecrets = externalSecrets;
    }

    /** Structure and references only. */
    static List<String> check(List<Map<String, Object>> documents, Map<String, Set<String>> externalSecrets) {
        ManifestChecks checks = new ManifestChecks(documents, externalSecrets);
        checks.run();
        return checks.problems;
    }

    /** Structure, references, and agreement with the services' own configuration and version. */
    static List<String> check(List<Map<String, Object>> documents, Map<String, Set<String>> externalSecrets,
                              List<ServiceConfig> services, String version) {
        ManifestChecks checks = new ManifestChecks(documents, externalSecrets);
        checks.run();
        if (checks.problems.isEmpty()) {
            checks.services(services, version);
        }
        return checks.problems;
    }

    private void run() {
        for (Map<String, Object> d : documents) {
            String kind = Yaml.string(d, "kind");
            String name = Kustomize.name(d);
            if (Yaml.string(d, "apiVersion") == null || kind == null || name == null || name.isBlank()) {
                problems.add("document without apiVersion, kind or metadata.name: " + d);
                continue;
            }
            if (!DNS_SUBDOMAIN.matcher(name).matches()) {
                problems.add(kind + " " + name + ": the name is not a valid Kubernetes name");
            }
            if (byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(name, d) != null) {
                problems.add(kind + " " + name + " is defined twice");
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        all("Deployment").forEach(this::deployment);
        all("Service").forEach(this::service);
        all("HorizontalPodAutoscaler").forEach(this::autoscaler);
        all("PodDisruptionBudget").forEach(this::disruptionBudget);
        all("KafkaNodePool").forEach(this::nodePool);
        all("Kafka").forEach(this::kafka);
        all("KafkaTopic").forEach(this::topic);
        all("Cluster").forEach(this::postgres);
        all("ScheduledBackup").forEach(b -> {
            if (!has("Cluster", Yaml.string(b, "spec", "cluster", "name"))) {
                problems.add("ScheduledBackup " + Kustomize.name(b) + " names no existing Cluster");
            }
        });
        all("Database").forEach(db -> {
            if (!has("Cluster", Yaml.string(db, "spec", "cluster", "name"))) {
                problems.add("Database " + Kustomize.name(db) + " names no existing Cluster");
            }
            if (Yaml.string(db, "spec", "owner") == null || Yaml.string(db, "spec", "name") == null) {
                problems.add("Database " + Kustomize.name(db) + " has no name or owner");
            }
        });
    }

    private void deployment(Map<String, Object> d) {
        String name = Kustomize.name(d);
        Map<String, Object> selector = Yaml.mapAt(d, "spec", "selector", "matchLabels");
        Map<String, Object> podLabels = Yaml.mapAt(d, "spec", "template", "metadata", "labels");
        if (selector.isEmpty() || !contains(podLabels, selector)) {
            problems.add("Deployment " + name + ": its selector " + selector + " does not select its own pods " + podLabels);
        }
        List<Object> containers = Yaml.list(d, "spec", "template", "spec", "containers");
        if (containers.isEmpty()) {
            problems.add("Deployment " + name + " has no container");
        }
        for (Object c : containers) {
            Map<String, Object> container = Yaml.map(c);
            String where = "Deployment " + name + " container " + Yaml.string(container, "name");
            Set<String> portNames = new HashSet<>();
            for (Object p : Yaml.list(container, "ports")) {
                portNames.add(Yaml.string(p, "name"));
            }
            probe(where, container, "livenessProbe", "/q/health/live", portNames);
            probe(where, container, "readinessProbe", "/q/health/ready", portNames);
            String request = Yaml.string(container, "resources", "requests", "memory");
            String limit = Yaml.string(container, "resources", "limits", "memory");
            if (request == null || limit == null || Yaml.string(container, "resources", "requests", "cpu") == null) {
                problems.add(where + " lacks a memory request and limit or a CPU request");
            } else if (bytes(limit) < bytes(request)) {
                problems.add(where + ": memory limit " + limit + " is below the request " + request);
            }
            for (Object e : Yaml.list(container, "envFrom")) {
                reference(where, "ConfigMap", Yaml.string(e, "configMapRef", "name"), null);
                reference(where, "Secret", Yaml.string(e, "secretRef", "name"), null);
            }
            for (Object e : Yaml.list(container, "env")) {
                reference(where, "ConfigMap", Yaml.string(e, "valueFrom", "configMapKeyRef", "name"),
                        Yaml.string(e, "valueFrom", "configMapKeyRef", "key"));
                reference(where, "Secret", Yaml.string(e, "valueFrom", "secretKeyRef", "name"),
                        Yaml.string(e, "valueFrom", "secretKeyRef", "key"));
            }
        }
        for (Object v : Yaml.list(d, "spec", "template", "spec", "volumes")) {
            reference("Deployment " + name + " volume", "ConfigMap", Yaml.string(v, "configMap", "name"), null);
            reference("Deployment " + name + " volume", "Secret", Yaml.string(v, "secret", "secretName"), null);
        }
    }

    private void probe(String where, Map<String, Object> container, String probe, String path, Set<String> ports) {
        String actual = Yaml.string(container, probe, "httpGet", "path");
        if (!path.equals(actual)) {
            problems.add(where + ": " + probe + " is on " + actual + ", expected " + path);
        }
        Object port = Yaml.at(container, probe, "httpGet", "port");
        if (port instanceof String named && !ports.contains(named)) {
            problems.add(where + ": " + probe + " uses port " + named + ", which the container does not declare");
        }
    }

    private void reference(String where, String kind, String name, String key) {
        if (name == null) {
            return;
        }
        if (has(kind, name)) {
            if (key != null && !Yaml.mapAt(byKind.get(kind).get(name), "data").containsKey(key)
                    && !Yaml.mapAt(byKind.get(kind).get(name), "stringData").containsKey(key)) {
                problems.add(where + ": " + kind + " " + name + " has no key " + key);
            }
            return;
        }
        if (kind.equals("Secret")) {
            if (name.endsWith("-app") && has("Cluster", name.substring(0, name.length() - "-app".length()))) {
                if (key != null && !CNPG_APP_SECRET_KEYS.contains(key)) {
                    problems.add(where + ": CloudNativePG's Secret " + name + " has no key " + key);
                }
                return;
            }
            if (externalSecrets.containsKey(name)) {
                if (key != null && !externalSecrets.get(name).contains(key)) {
                    problems.add(where + ": the external Secret " + name + " is not declared with the key " + key);
                }
                return;
            }
        }
        problems.add(where + " refers to " + kind + " " + name + ", which neither exists nor is declared external");
    }

    private void service(Map<String, Object> s) {
        Map<String, Object> selector = Yaml.mapAt(s, "spec", "selector");
        boolean selects = !selector.isEmpty() && all("Deployment").stream()
                .anyMatch(d -> contains(Yaml.mapAt(d, "spec", "template", "metadata", "labels"), selector));
        if (!selects) {
            problems.add("Service " + Kustomize.name(s) + ": its selector " + selector + " matches no Deployment's pods");
            return;
        }
        for (Object p : Yaml.list(s, "spec", "ports")) {
            Object target = Yaml.at(p, "targetPort");
            if (target instanceof String named && all("Deployment").stream()
                    .filter(d -> contains(Yaml.mapAt(d, "spec", "template", "metadata", "labels"), selector))
                    .noneMatch(d -> containerPorts(d).containsKey(named))) {
                problems.add("Service " + Kustomize.name(s) + ": target port " + named + " is no container port");
            }
        }
    }

    private void autoscaler(Map<String, Object> h) {
        String name = Kustomize.name(h);
        String target = Yaml.string(h, "spec", "scaleTargetRef", "name");
        if (!"Deployment".equals(Yaml.string(h, "spec", "scaleTargetRef", "kind")) || !has("Deployment", target)) {
            problems.add("HorizontalPodAutoscaler " + name + " targets no existing Deployment (" + target + ")");
            return;
        }
        int min = integer(Yaml.at(h, "spec", "minReplicas"), 1);
        int max = integer(Yaml.at(h, "spec", "maxReplicas"), 0);
        int replicas = integer(Yaml.at(byKind.get("Deployment").get(target), "spec", "replicas"), 1);
        if (min < 1 || max < min) {
            problems.add("HorizontalPodAutoscaler " + name + ": minReplicas " + min + " / maxReplicas " + max);
        }
        if (replicas < min || replicas > max) {
            problems.add("Deployment " + target + ": replicas " + replicas + " outside its autoscaler's " + min + ".." + max);
        }
    }

    private void disruptionBudget(Map<String, Object> p) {
        Map<String, Object> selector = Yaml.mapAt(p, "spec", "selector", "matchLabels");
        if (selector.isEmpty() || all("Deployment").stream()
                .noneMatch(d -> contains(Yaml.mapAt(d, "spec", "template", "metadata", "labels"), selector))) {
            problems.add("PodDisruptionBudget " + Kustomize.name(p) + " selects no Deployment's pods");
        }
    }

    private void nodePool(Map<String, Object> pool) {
        String cluster = Yaml.string(pool, "metadata", "labels", "strimzi.io/cluster");
        if (!has("Kafka", cluster)) {
            problems.add("KafkaNodePool " + Kustomize.name(pool) + ": strimzi.io/cluster " + cluster + " names no Kafka");
        }
    }

    private void kafka(Map<String, Object> kafka) {
        String name = Kustomize.name(kafka);
        List<Map<String, Object>> pools = all("KafkaNodePool").stream()
                .filter(p -> name.equals(Yaml.string(p, "metadata", "labels", "strimzi.io/cluster"))).toList();
        if (!"enabled".equals(Yaml.string(kafka, "metadata", "annotations", "strimzi.io/kraft"))
                || !"enabled".equals(Yaml.string(kafka, "metadata", "annotations", "strimzi.io/node-pools"))) {
            problems.add("Kafka " + name + " is not in KRaft mode with node pools");
        }
        Set<Object> roles = new HashSet<>();
        pools.forEach(p -> roles.addAll(Yaml.list(p, "spec", "roles")));
        if (!roles.containsAll(Set.of("controller", "broker"))) {
            problems.add("Kafka " + name + ": its node pools " + roles + " lack a controller or a broker role");
        }
        int brokers = brokers(name);
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            int factor = integer(Yaml.mapAt(kafka, "spec", "kafka", "config").get(key), 1);
            if (factor > brokers) {
                problems.add("Kafka " + name + ": " + key + " " + factor + " exceeds its " + brokers + " brokers");
            }
        }
        int minIsr = integer(Yaml.mapAt(kafka, "spec", "kafka", "config").get("min.insync.replicas"), 1);
        int factor = integer(Yaml.mapAt(kafka, "spec", "kafka", "config").get("default.replication.factor"), 1);
        if (minIsr > factor) {
            problems.add("Kafka " + name + ": min.insync.replicas " + minIsr + " exceeds the replication factor " + factor);
        }
    }

    private void topic(Map<String, Object> topic) {
        String name = Kustomize.name(topic);
        String cluster = Yaml.string(topic, "metadata", "labels", "strimzi.io/cluster");
        if (!has("Kafka", cluster)) {
            problems.add("KafkaTopic " + name + ": strimzi.io/cluster " + cluster + " names no Kafka");
            return;
        }
        int partitions = integer(Yaml.at(topic, "spec", "partitions"), 0);
        int replicas = integer(Yaml.at(topic, "spec", "replicas"), 0);
        int minIsr = integer(Yaml.mapAt(topic, "spec", "config").get("min.insync.replicas"), 1);
        if (partitions < 1 || replicas < 1) {
            problems.add("KafkaTopic " + name + " has no partitions or replicas set");
        }
        if (replicas > brokers(cluster)) {
            problems.add("KafkaTopic " + name + ": " + replicas + " replicas but " + brokers(cluster) + " brokers");
        }
        if (minIsr > replicas) {
            problems.add("KafkaTopic " + name + ": min.insync.replicas " + minIsr + " exceeds its " + replicas + " replicas");
        }
    }

    private void postgres(Map<String, Object> cluster) {
        String name = Kustomize.name(cluster);
        if (!"postgresql.cnpg.io/v1".equals(Yaml.string(cluster, "apiVersion"))) {
            return;
        }
        if (Yaml.string(cluster, "spec", "bootstrap", "initdb", "database") == null
                || Yaml.string(cluster, "spec", "bootstrap", "initdb", "owner") == null) {
            problems.add("Cluster " + name + " creates no database with an owner (bootstrap.initdb)");
        }
        if (integer(Yaml.at(cluster, "spec", "instances"), 0) < 1) {
            problems.add("Cluster " + name + " has no instances");
        }
        Map<String, Object> store = Yaml.mapAt(cluster, "spec", "backup", "barmanObjectStore");
        for (String key : List.of("accessKeyId", "secretAccessKey")) {
            Map<String, Object> ref = Yaml.mapAt(store, "s3Credentials", key);
            if (!ref.isEmpty()) {
                reference("Cluster " + name + " backup", "Secret", Yaml.string(ref, "name"), Yaml.string(ref, "key"));
            }
        }
    }

    /** Agreement between the manifests and what the services themselves are configured with. */
    private void services(List<ServiceConfig> services, String version) {
        Map<String, Object> kafka = all("Kafka").stream().findFirst().orElse(null);
        for (ServiceConfig service : services) {
            Map<String, Object> deployment = has("Deployment", service.name())
                    ? byKind.get("Deployment").get(service.name()) : null;
            if (deployment == null) {
                problems.add("no Deployment for " + service.name());
                continue;
            }
            Map<String, Object> container = Yaml.map(Yaml.list(deployment, "spec", "template", "spec", "containers").get(0));
            if (!containerPorts(deployment).containsValue(service.port())) {
                problems.add(service.name() + ": container ports " + containerPorts(deployment)
                        + " miss the service's quarkus.http.port " + service.port());
            }
            String image = Yaml.string(container, "image");
            if (image == null || !image.endsWith("/" + service.name() + ":" + version)) {
                problems.add(service.name() + ": image " + image + " is not .../" + service.name() + ":" + version);
            }
            Map<String, String> env = environment(container);
            for (String topicName : service.allTopics()) {
                if (!has("KafkaTopic", topicName)) {
                    problems.add(service.name() + " uses topic " + topicName + ", which has no KafkaTopic");
                }
            }
            String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
            if (kafka == null || bootstrap == null
                    || !bootstrap.startsWith(Kustomize.name(kafka) + "-kafka-bootstrap:")) {
                problems.add(service.name() + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap
                        + " is not the Strimzi bootstrap Service of the Kafka in the manifests");
            }
            datasource(service, env, container);
            String issuer = env.get("SANSHO_JWT_ISSUER");
            String keys = env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            if (issuer == null || keys == null || !keys.equals(issuer + "/protocol/openid-connect/certs")) {
                problems.add(service.name() + ": the key set " + keys + " is not the Keycloak realm's of the issuer " + issuer);
            }
            String catalogUrl = env.get("QUARKUS_REST_CLIENT_CATALOG_URL");
            if (catalogUrl != null) {
                URI uri = URI.create(catalogUrl);
                boolean found = has("Service", uri.getHost()) && Yaml.list(byKind.get("Service").get(uri.getHost()),
                        "spec", "ports").stream().anyMatch(p -> integer(Yaml.at(p, "port"), -1) == uri.getPort());
                if (!found) {
                    problems.add(service.name() + ": " + catalogUrl + " names no Service port");
                }
            }
            // Consumers beyond the partition count sit idle: the autoscaler must not grow past it.
            int maxReplicas = all("HorizontalPodAutoscaler").stream()
                    .filter(h -> service.name().equals(Yaml.string(h, "spec", "scaleTargetRef", "name")))
                    .mapToInt(h -> integer(Yaml.at(h, "spec", "maxReplicas"), 0)).max().orElse(0);
            for (String consumed : service.consumedTopics()) {
                if (has("KafkaTopic", consumed)) {
                    int partitions = integer(Yaml.at(byKind.get("KafkaTopic").get(consumed), "spec", "partitions"), 0);
                    if (maxReplicas > partitions) {
                        problems.add(service.name() + ": up to " + maxReplicas + " instances, but " + consumed
                                + " has only " + partitions + " partitions");
                    }
                }
            }
        }
    }

    private void datasource(ServiceConfig service, Map<String, String> env, Map<String, Object> container) {
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            problems.add(service.name() + ": no QUARKUS_DATASOURCE_JDBC_URL");
            return;
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String host = uri.getHost();
        String database = uri.getPath().substring(1);
        if (host == null || !host.endsWith("-rw") || !has("Cluster", host.substring(0, host.length() - 3))) {
            problems.add(service.name() + ": the database host " + host + " is no CloudNativePG Cluster's -rw Service");
            return;
        }
        String cluster = host.substring(0, host.length() - 3);
        String initdb = Yaml.string(byKind.get("Cluster").get(cluster), "spec", "bootstrap", "initdb", "database");
        if (!database.equals(initdb)) {
            problems.add(service.name() + ": database " + database + " is not the one Cluster " + cluster + " creates (" + initdb + ")");
        }
        // Every instance the autoscaler may start opens up to its pool's size in connections (Agroal's default 20).
        int poolSize = integer(env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"), 20);
        int maxReplicas = all("HorizontalPodAutoscaler").stream()
                .filter(h -> service.name().equals(Yaml.string(h, "spec", "scaleTargetRef", "name")))
                .mapToInt(h -> integer(Yaml.at(h, "spec", "maxReplicas"), 0)).max().orElse(1);
        int maxConnections = integer(Yaml.at(byKind.get("Cluster").get(cluster),
                "spec", "postgresql", "parameters", "max_connections"), 100);
        if (maxReplicas * poolSize > maxConnections - RESERVED_CONNECTIONS) {
            problems.add(service.name() + ": up to " + maxReplicas + " instances x " + poolSize
                    + " connections exceed what Cluster " + cluster + " allows (max_connections " + maxConnections
                    + " less " + RESERVED_CONNECTIONS + " for the operator, replication and administrators)");
        }
        for (Object e : Yaml.list(container, "env")) {
            String name = Yaml.string(e, "name");
            if (("QUARKUS_DATASOURCE_USERNAME".equals(name) || "QUARKUS_DATASOURCE_PASSWORD".equals(name))
                    && !(cluster + "-app").equals(Yaml.string(e, "valueFrom", "secretKeyRef", "name"))) {
                problems.add(service.name() + ": " + name + " does not come from " + cluster + "-app");
            }
        }
        long claimed = all("Deployment").stream().filter(d -> {
            Map<String, Object> c = Yaml.map(Yaml.list(d, "spec", "template", "spec", "containers").get(0));
            return url.equals(environment(c).get("QUARKUS_DATASOURCE_JDBC_URL"));
        }).count();
        if (claimed != 1) {
            problems.add(service.name() + ": its database " + url + " is shared with another Deployment");
        }
    }

    /** The container's plain environment: literal env values and every key of the ConfigMaps it loads. */
    private Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : Yaml.list(container, "envFrom")) {
            String name = Yaml.string(e, "configMapRef", "name");
            if (has("ConfigMap", name)) {
                Yaml.mapAt(byKind.get("ConfigMap").get(name), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        for (Object e : Yaml.list(container, "env")) {
            if (Yaml.string(e, "value") != null) {
                env.put(Yaml.string(e, "name"), Yaml.string(e, "value"));
            }
        }
        return env;
    }

    private int brokers(String kafka) {
        return all("KafkaNodePool").stream()
                .filter(p -> kafka.equals(Yaml.string(p, "metadata", "labels", "strimzi.io/cluster")))
                .filter(p -> Yaml.list(p, "spec", "roles").contains("broker"))
                .mapToInt(p -> integer(Yaml.at(p, "spec", "replicas"), 0)).sum();
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> deployment) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object c : Yaml.list(deployment, "spec", "template", "spec", "containers")) {
            for (Object p : Yaml.list(c, "ports")) {
                ports.put(Yaml.string(p, "name"), integer(Yaml.at(p, "containerPort"), -1));
            }
        }
        return ports;
    }

    private List<Map<String, Object>> all(String kind) {
        return new ArrayList<>(byKind.getOrDefault(kind, Map.of()).values());
    }

    private boolean has(String kind, String name) {
        return name != null && byKind.getOrDefault(kind, Map.of()).containsKey(name);
    }

    private static boolean contains(Map<String, Object> labels, Map<String, Object> selector) {
        return selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    static int integer(Object value, int otherwise) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && s.matches("-?\\d+")) {
            return Integer.parseInt(s);
        }
        return otherwise;
    }

    /** Kubernetes memory quantities (Ki, Mi, Gi, or plain bytes) in bytes. */
    static long bytes(String quantity) {
        Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);
        for (Map.Entry<String, Long> unit : units.entrySet()) {
            if (quantity.endsWith(unit.getKey())) {
                return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * unit.getValue();
            }
        }
        return Long.parseLong(quantity);
    }
}
