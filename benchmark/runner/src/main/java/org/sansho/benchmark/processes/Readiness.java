package org.sansho.benchmark.processes;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.benchmark.suite.Suite;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Waits for an app's health UP, noting what the wait was made of. */
final class Readiness {

    private Readiness() {
    }

    /**
     * Waits for health UP and returns what the wait was made of: how long until the app answered HTTP at all, and
     * which readiness checks were still DOWN after that.
     */
    static String await(App app, Process p, Path logs) throws Exception {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
        long answered = 0;
        Set<String> down = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(app.name() + " exited with " + p.exitValue() + "; see "
                        + logs.resolve(app.name() + ".log"));
            }
            try {
                HttpResponse<String> r = probe.send(Suite.request(Processes.base(app.port()), "/q/health/ready", null)
                        .build(), HttpResponse.BodyHandlers.ofString());
                answered = answered == 0 ? System.nanoTime() : answered;
                if (r.statusCode() == 200) {
                    return String.format("answering HTTP after %.0f ms%s", (answered - t0) / 1e6,
                            down.isEmpty() ? ", UP at once" : "; DOWN until then: " + String.join(", ", down));
                }
                for (JsonNode check : Suite.JSON.readTree(r.body()).path("checks")) {
                    if (!"UP".equals(check.path("status").asText())) {
                        down.add(check.path("name").asText());
                    }
                }
            } catch (IOException e) {
                // not listening yet, or not a health report
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(app.name() + " was not ready within 300 s");
    }
}
