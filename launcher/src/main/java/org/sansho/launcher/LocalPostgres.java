package org.sansho.launcher;

import org.sansho.localservers.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Real PostgreSQL for the local suite ({@link PostgresServer}): the embedded binaries with a data directory under the
 * local data folder, kept across restarts; or an existing server (SANSHO_POSTGRES_URL). One database per service.
 */
public final class LocalPostgres implements AutoCloseable {

    private final PostgresServer server;

    private LocalPostgres(PostgresServer server) {
        this.server = server;
    }

    public static LocalPostgres start(Settings settings) {
        if (settings.externalPostgresUrl() != null) {
            return new LocalPostgres(PostgresServer.external(settings.externalPostgresUrl(), settings.postgresUser(),
                    settings.postgresPassword()));
        }
        Path data = settings.dataDirectory().resolve("postgres");
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        PostgresServer pg = PostgresServer.embedded(data, settings.dataDirectory().resolve("postgres-binaries"),
                settings.postgresPort(), false);
        Launcher.say("PostgreSQL %s on %s (%s)", fresh ? "initialised" : "started", pg.serverUrl(), data);
        return new LocalPostgres(pg);
    }

    public String database(String name) {
        return server.database(name);
    }

    /** A connection to an existing database of this server, with its credentials (no check that it exists). */
    public Connection connect(String database) throws SQLException {
        return server.connect(database);
    }

    public List<String> credentials() {
        return List.of(server.user(), server.password());
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
