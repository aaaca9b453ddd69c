package org.sansho.benchmark.results;

/** The run's progress lines on the console, each with the seconds since the run began. */
public final class Progress {

    private final long started = System.nanoTime();

    public void say(String format, Object... args) {
        System.out.printf("[bench %5.0fs] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
    }
}
