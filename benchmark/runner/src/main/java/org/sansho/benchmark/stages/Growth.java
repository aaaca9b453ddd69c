package org.sansho.benchmark.stages;

import com.fasterxml.jackson.databind.JsonNode;
import org.sansho.benchmark.load.Load;
import org.sansho.benchmark.suite.Suite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One hospital with 1,000, 10,000 and 100,000 contracts and pages 0–4 of its list. The contracts are clones of one
 * made through the API, inserted with bulk SQL into the contract-service's own database (benchmark/README.md,
 * "Stages").
 */
public final class Growth implements Stage {

    @Override
    public String name() {
        return "growth";
    }

    @Override
    public void run(Run run) throws Exception {
        run.awaitQuiet("the earlier stages");
        Suite suite = run.suite();
        Suite.Parties p = suite.parties("成長");
        String token = suite.token("procurement", p.hospital());
        JsonNode template = suite.send(Suite.post(suite.contract, "/api/v1/contracts", token,
                Suite.newContract(p, 0)), 201);
        UUID templateId = UUID.fromString(template.path("id").asText());
        Load.Call page = run.load().expect(200, n -> Suite.request(suite.contract,
                "/api/v1/contracts?size=20&page=" + (n % 5), token).build());
        int have = 1;
        for (int target : new int[]{1_000, 10_000, 100_000}) {
            run.progress("Growth: %,d contracts of one hospital (bulk SQL), then the first page of its list", target);
            cloneContracts(run, templateId, target - have);
            have = target;
            run.closed("growth", String.format("contract list page, %,d contracts", target), page,
                    "pages 0-4 of 20, newest first");
        }
    }

    private static void cloneContracts(Run run, UUID templateId, int count) throws Exception {
        try (Connection c = run.processes().postgres().connect("contract")) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, "public", "contract", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
            List<String> values = columns.stream().map(col -> switch (col) {
                case "id" -> "gen_random_uuid()";
                case "created_at", "updated_at" -> "c.created_at - make_interval(secs => n)";
                default -> "c." + col;
            }).toList();
            try (PreparedStatement s = c.prepareStatement("insert into contract (" + String.join(", ", columns)
                    + ") select " + String.join(", ", values) + " from contract c, generate_series(1, ?) n"
                    + " where c.id = ?")) {
                s.setInt(1, count);
                s.setObject(2, templateId);
                s.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                // what autovacuum does to a table soon after a bulk insert (PostgreSQL 13+ vacuums after inserts
                // too): statistics, and the visibility map that lets a count read the index alone
                s.execute("vacuum analyze contract");
                // and the bulk insert's pages are written out now, not by the checkpointer while the pages are read
                s.execute("checkpoint");
            }
        }
    }
}
