package org.sansho.benchmark.ceiling;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The ceilings the benchmark compares the services with: a trivial JSON answer (framework), a find-by-id
 * (read) and a single-row insert (write), with no security, validation or events on top.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CeilingResource {

    public record NewRow(String name, int amount) {
    }

    public record RowView(long id, String name, int amount, OffsetDateTime createdAt) {
        static RowView of(BenchRow r) {
            return new RowView(r.id, r.name, r.amount, r.createdAt);
        }
    }

    @GET
    @Path("ping")
    public Map<String, String> ping() {
        return Map.of("status", "ok");
    }

    @GET
    @Path("rows/{id}")
    public RowView row(@PathParam("id") long id) {
        BenchRow row = BenchRow.findById(id);
        if (row == null) {
            throw new NotFoundException();
        }
        return RowView.of(row);
    }

    @POST
    @Path("rows")
    @Transactional
    public Response insert(NewRow body) {
        BenchRow row = new BenchRow();
        row.name = body.name();
        row.amount = body.amount();
        row.createdAt = OffsetDateTime.now();
        row.persist();
        return Response.created(URI.create("/rows/" + row.id)).entity(RowView.of(row)).build();
    }
}
