package org.sansho.benchmark.processes;

/**
 * One app the run starts: a service or the ceiling app.
 *
 * @param name the process's name (its log, its class archive, its row in the report)
 * @param module the Maven module whose packaged app it is
 * @param database the PostgreSQL database it owns
 */
public record App(String name, String module, int port, String database) {
}
