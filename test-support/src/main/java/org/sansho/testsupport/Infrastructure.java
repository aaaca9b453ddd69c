package org.sansho.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How a test run gets its real PostgreSQL and Kafka: a URL from the environment, Testcontainers, or embedded. */
enum Infrastructure {
    EXTERNAL, TESTCONTAINERS, EMBEDDED;

    /** {@code SANSHO_TEST_INFRA=embedded|testcontainers} forces a choice; otherwise Docker is used when present. */
    static Infrastructure choose(String externalUrlVariable) {
        if (env(externalUrlVariable) != null) {
            return EXTERNAL;
        }
        String forced = env("SANSHO_TEST_INFRA");
        if (forced != null) {
            return Infrastructure.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        return dockerPresent() ? TESTCONTAINERS : EMBEDDED;
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null) {
            v = System.getProperty(name);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A cheap look for a Docker engine before Testcontainers' slower probe is asked. */
    private static boolean dockerPresent() {
        if (env("DOCKER_HOST") != null) {
            return testcontainersSeesDocker();
        }
        if (Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
            return testcontainersSeesDocker();
        }
        return false;
    }

    private static boolean testcontainersSeesDocker() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Where embedded servers keep their files: under the module's target/ directory. */
    static Path workDirectory(String name) {
        Path base = Path.of(System.getProperty("sansho.test.workdir",
                Path.of("target").toAbsolutePath().toString()));
        Path dir = base.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create " + dir, e);
        }
        return dir;
    }
}
