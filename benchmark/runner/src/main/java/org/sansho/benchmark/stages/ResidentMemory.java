package org.sansho.benchmark.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Each process's RSS after the loads (the warm-up), read from {@code /proc/<pid>/status}; every run has it, before
 * the restarts replace the processes.
 */
public final class ResidentMemory implements Stage {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public boolean choosable() {
        return false;
    }

    @Override
    public boolean runs(Set<String> chosen) {
        return true;
    }

    @Override
    public void run(Run run) throws IOException {
        for (Map.Entry<String, Process> e : run.processes().running().entrySet()) {
            run.report().rss(e.getKey(), rssMegabytes(e.getValue().pid()));
        }
        run.progress("RSS after warm-up: %s", run.report().rssMegabytes());
    }

    static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
