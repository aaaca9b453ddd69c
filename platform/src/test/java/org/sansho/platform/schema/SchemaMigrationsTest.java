package org.sansho.platform.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.sansho.testsupport.TestPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two migration sets on a real PostgreSQL: a new database, and one migrated the old way (the platform's 0.x
 * and the service's migrations in one history, out of order) that must still start.
 */
class SchemaMigrationsTest {

    /** The service's side as Quarkus configures it: its own migrations in Flyway's default history. */
    private static Flyway service(DataSource ds) {
        return Flyway.configure(SchemaMigrationsTest.class.getClassLoader()).dataSource(ds)
                .locations("classpath:db/test").load();
    }

    @Test
    void a_new_database_gets_each_set_in_order_in_a_history_of_its_own() {
        DataSource ds = database("schema_new");

        SchemaMigrations.migrate(ds, service(ds));

        assertThat(versions(ds, SchemaMigrations.PLATFORM_HISTORY)).isEqualTo(platformVersions()).isNotEmpty();
        assertThat(versions(ds, "flyway_schema_history")).containsExactly("1");
        assertThat(tables(ds)).contains("outbox_event", "inbox_event", "audit_record", "fixture_note");
    }

    @Test
    void a_database_migrated_with_one_history_out_of_order_starts_and_keeps_its_applied_migrations() throws Exception {
        DataSource ds = database("schema_legacy");
        // The layout before the sets were separated: the service's first migration, then the platform's after it.
        Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/test").load().migrate();
        Flyway.configure(getClass().getClassLoader()).dataSource(ds)
                .locations("classpath:db/test", SchemaMigrations.PLATFORM_LOCATION).outOfOrder(true).load().migrate();
        Map<String, String> before = history(ds, "flyway_schema_history");
        assertThat(before.keySet()).containsAll(platformVersions());
        execute(ds, "insert into fixture_note (id, text, version) values (gen_random_uuid(), 'kept', 0)");

        SchemaMigrations.migrate(ds, service(ds));

        Map<String, String> platform = history(ds, SchemaMigrations.PLATFORM_HISTORY);
        assertThat(platform.keySet()).containsExactlyElementsOf(platformVersions());
        platform.forEach((version, row) -> assertThat(row).isEqualTo(before.get(version)));
        assertThat(versions(ds, "flyway_schema_history")).containsExactly("1");
        assertThat(service(ds).validateWithResult().validationSuccessful).isTrue();
        assertThat(count(ds, "select count(*) from fixture_note where text = 'kept'")).isEqualTo(1);

        // A second start finds nothing to move and nothing to apply.
        SchemaMigrations.migrate(ds, service(ds));
        assertThat(history(ds, SchemaMigrations.PLATFORM_HISTORY)).isEqualTo(platform);
        assertThat(SchemaMigrations.adoptPlatformRows(ds, "flyway_schema_history")).isFalse();
    }

    private static List<String> platformVersions() {
        MigrationInfo[] all = Flyway.configure(SchemaMigrationsTest.class.getClassLoader())
                .locations(SchemaMigrations.PLATFORM_LOCATION).dataSource(database("schema_probe")).load()
                .info().all();
        return Arrays.stream(all).map(m -> m.getVersion().getVersion()).toList();
    }

    private static DataSource database(String name) {
        TestPostgres pg = TestPostgres.get();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.database(name));
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        return ds;
    }

    private static List<String> versions(DataSource ds, String table) {
        return new ArrayList<>(history(ds, table).keySet());
    }

    /** version → the row as Flyway wrote it (checksum, script, when, success), in the order of the versions. */
    private static Map<String, String> history(DataSource ds, String table) {
        Map<String, String> rows = new TreeMap<>((a, b) -> Arrays.compare(
                Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray(),
                Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray()));
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select version, checksum, script, installed_on, success from " + table
                        + " where version is not null and type <> 'BASELINE' order by installed_rank")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getBoolean(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<String> tables(DataSource ds) {
        List<String> tables = new ArrayList<>();
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select table_name from information_schema.tables where table_schema = current_schema()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}
