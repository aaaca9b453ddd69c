package org.sansho.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The JVMs the launcher starts (the broker and the services). Their process ids are written to a file under
 * the data folder, so that a launcher that was itself killed hard does not leave them running into the next
 * start: that start ends them first. They are stopped in reverse order of start.
 */
public final class ChildProcesses implements AutoCloseable {

    /**
     * How long a stopping process may take before it is killed: a service's first stop writes its class archive
     * (JDK 25's AOT cache takes 20–30 s per service on two cores), and a killed one leaves none.
     */
    public static final int STOP_GRACE_SECONDS = 180;

    private final Path pidFile;
    private final Path libDirectory;
    private final Deque<Process> started = new ArrayDeque<>();

    public ChildProcesses(Path dataDirectory, Path libDirectory) {
        this.pidFile = dataDirectory.resolve("children.pid");
        this.libDirectory = libDirectory;
    }

    /** Ends processes left behind by a launcher that did not get to stop them. */
    public void endLeftovers() throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        for (String line : Files.readAllLines(pidFile)) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(false))
                    .ifPresent(p -> {
                        Launcher.say("Ending process %d left over from an earlier run", p.pid());
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        }
        Files.delete(pidFile);
    }

    /**
     * The JVM options of the launcher's own helper processes (the local Kafka broker and its storage format): a
     * development broker on a small machine shares its cores with the services, so it compiles with C1 only (the
     * optimizing compiler warming a broker up took as much CPU per record as the records themselves) and
     * collects with the serial collector.
     */
    static final List<String> HELPER_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** A JVM on the launcher's own class path running {@code mainAndArgs}. */
    public Process java(String name, List<String> mainAndArgs, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(HELPER_JVM_OPTIONS);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(libDirectory.resolve("*") + File.pathSeparator + launcherJar());
        command.addAll(mainAndArgs);
        return start(name, command, env, log);
    }

    /**
     * glibc's malloc arenas of a Java service: by default up to eight per core, each growing on its own as threads
     * allocate natively (JIT, NIO, zip); two keep the RSS of a small service lower at no measurable cost.
     */
    public static final String MALLOC_ARENA_MAX = "2";

    /** A packaged Quarkus service. */
    public Process jar(String name, Path jar, List<String> jvmOptions, Map<String, String> env, Path log) throws IOException {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX));
        environment.putAll(env);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return start(name, command, environment, log);
    }

    private synchronized Process start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.push(process);
        Files.writeString(pidFile, started.stream().map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
        return process;
    }

    /** Stops the processes in reverse order of start: the services first, then the broker. */
    @Override
    public synchronized void close() throws IOException {
        while (!started.isEmpty()) {
            stop(started.pop());
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stop(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The launcher's own JDK, or {@code SANSHO_SERVICE_JAVA_HOME} (to compare JDKs with the same launcher). */
    public static Path serviceJavaHome() {
        String home = System.getenv("SANSHO_SERVICE_JAVA_HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("java.home") : home);
    }

    private static String javaExecutable() {
        return serviceJavaHome().resolve("bin").resolve("java").toString();
    }

    /** The version (25.0.1, 17.0.17 …) of the JDK the services run on, from its {@code release} file. */
    public static String serviceJavaVersion() {
        try {
            for (String line : Files.readAllLines(serviceJavaHome().resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return line.substring(line.indexOf('=') + 1).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // no release file: the launcher's own version below
        }
        return Runtime.version().toString();
    }

    /** The feature release (17, 21, 25 …) of the JDK the services run on. */
    public static int serviceJavaFeature() {
        try {
            return Integer.parseInt(serviceJavaVersion().split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return Runtime.version().feature();
        }
    }

    private static String launcherJar() {
        return Path.of(ChildProcesses.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }
}
