package org.sansho.benchmark.stages;

import org.sansho.benchmark.processes.App;
import org.sansho.benchmark.processes.Processes;
import org.sansho.benchmark.results.StartupSteps;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stops the services and starts each again on its now migrated database, one at a time, so that each start-up time
 * is the service's own and not a share of the two cores: the start-up that counts. Each restart also says where its
 * time went ({@link StartupSteps}).
 */
public final class Restarts implements Stage {

    @Override
    public String name() {
        return "restarts";
    }

    @Override
    public void run(Run run) throws Exception {
        Processes processes = run.processes();
        processes.stopTogether();
        for (App s : processes.apps()) {
            Path log = processes.log(s);
            long from = Files.exists(log) ? Files.size(log) : 0;
            double ms = processes.restartAlone(s);
            StartupSteps steps = startupSteps(log, from);
            run.report().restart(s.name(), ms, steps);
            run.progress("%s restarted: ready in %.0f ms (%s); %s", s.name(), ms, processes.readiness(s.name()),
                    steps.summary(5));
        }
    }

    /**
     * What a restart's log says of its steps, from {@code from} (the log's size before the start). Health can answer
     * UP a moment before the "started in" line is written, so this waits for it a little.
     */
    private static StartupSteps startupSteps(Path log, long from) throws IOException, InterruptedException {
        StartupSteps steps = StartupSteps.parse("");
        for (int i = 0; i < 100 && !steps.complete(); i++) {
            if (i > 0) {
                Thread.sleep(20);
            }
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                byte[] tail = new byte[(int) Math.max(0, file.length() - from)];
                file.seek(from);
                file.readFully(tail);
                steps = StartupSteps.parse(new String(tail, StandardCharsets.UTF_8));
            }
        }
        return steps;
    }
}
