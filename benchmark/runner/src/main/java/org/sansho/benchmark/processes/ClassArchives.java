package org.sansho.benchmark.processes;

import org.sansho.launcher.ChildProcesses;
import org.sansho.launcher.Launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the services' class archives are kept: beside the data folder, not in it, so that they outlive the run (the
 * data folder is made anew each time) and a later run of the same build starts on them. The launcher makes an archive
 * anew when the jar is newer; the folder is emptied when the services' JDK or JVM options change, as an archive made
 * with other ones would not be used.
 */
final class ClassArchives {

    private final Path directory;

    ClassArchives(Path repository) {
        this.directory = repository.resolve("benchmark/target/class-archives");
    }

    Path directory() throws IOException {
        String made = ChildProcesses.serviceJavaHome() + " " + ChildProcesses.serviceJavaVersion() + "\n"
                + String.join(" ", Launcher.SERVICE_JVM_OPTIONS) + " " + String.join(" ", Launcher.extraJvmOptions())
                + "\n";
        Path stamp = directory.resolve("made-with.txt");
        if (!Files.exists(stamp) || !Files.readString(stamp).equals(made)) {
            Folders.delete(directory);
            Files.createDirectories(directory);
            Files.writeString(stamp, made);
        }
        return directory;
    }

    /** Whether a JVM option makes the start record a class archive (written when the process stops). */
    static boolean records(String option) {
        return option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-XX:AOTCacheOutput");
    }
}
