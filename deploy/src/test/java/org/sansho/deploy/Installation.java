package org.sansho.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Where the repository and the deploy/ files are, and what the tests compare the manifests with. */
final class Installation {

    static final Path REPOSITORY = Path.of(System.getProperty("sansho.repository", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = REPOSITORY.resolve("deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final String VERSION = System.getProperty("sansho.version", "0.1.0-SNAPSHOT");

    private Installation() {
    }

    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(KUBERNETES.resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Secrets declared in kubernetes/external-secrets.yaml, with their keys. */
    static Map<String, Set<String>> externalSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Object s : Yaml.list(Yaml.single(KUBERNETES.resolve("external-secrets.yaml")), "secrets")) {
            Set<String> keys = new LinkedHashSet<>();
            Yaml.list(s, "keys").forEach(k -> keys.add(k.toString()));
            secrets.put(Yaml.string(s, "name"), keys);
        }
        return secrets;
    }

    static List<ServiceConfig> services() {
        return Arrays.stream(ServiceConfig.SERVICES).map(s -> ServiceConfig.of(REPOSITORY, s)).toList();
    }
}
