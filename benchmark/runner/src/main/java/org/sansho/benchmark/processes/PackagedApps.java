package org.sansho.benchmark.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The packaged apps a run starts (the services' and the ceiling's {@code target/quarkus-app}). The run starts a copy
 * of each in its data folder, so that a rebuild during the run cannot pull it away.
 */
final class PackagedApps {

    static final List<String> MODULES = List.of("catalog-service", "contract-service", "assessment-service",
            "benchmark/ceiling");

    private final Path repository;
    private final Path dataDirectory;

    PackagedApps(Path repository, Path dataDirectory) {
        this.repository = repository;
        this.dataDirectory = dataDirectory;
    }

    /** Fails unless every app is packaged (or still copied from an earlier run). */
    void requirePackaged() {
        for (String module : MODULES) {
            if (!Files.exists(jar(module))) {
                throw new IllegalStateException(jar(module) + " is missing: package first ('./sansho build')");
            }
        }
    }

    void copyAll() throws IOException {
        for (String module : MODULES) {
            Folders.copy(repository.resolve(module).resolve("target/quarkus-app"), directory(module));
        }
    }

    /** The copy's jar once copied, else the packaged one. */
    Path jar(String module) {
        Path copy = directory(module).resolve("quarkus-run.jar");
        return Files.exists(copy) ? copy : repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Path directory(String module) {
        return dataDirectory.resolve("apps").resolve(Path.of(module).getFileName());
    }
}
