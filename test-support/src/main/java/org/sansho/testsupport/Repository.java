package org.sansho.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the root of the repository (the directory holding {@code mvnw}) from a module's working directory. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Not inside the repository: no mvnw above " + Path.of("").toAbsolutePath());
    }
}
