package org.sansho.contract.contracts;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.sansho.contract.Fixtures;
import org.sansho.platform.rest.Page;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.sansho.contract.Fixtures.as;

/** A list longer than the count horizon: its pages cost the same however long it is, and still tell the truth. */
@QuarkusTest
class LongListTest {

    private static final int CONTRACTS = Page.COUNT_LIMIT + 20;

    @Inject
    DataSource dataSource;

    @Test
    void a_list_past_the_horizon_says_its_total_is_a_lower_bound_and_counts_exactly_when_asked() throws Exception {
        Fixtures.Parties p = Fixtures.parties();
        UUID template = Fixtures.openContract(p);
        copy(template, CONTRACTS - 1);

        as("procurement", p.hospital()).get("/api/v1/contracts?size=20").then().statusCode(200)
                .body("items.size()", is(20))
                .body("totalItems", is(Page.COUNT_LIMIT)).body("totalItemsExact", is(false))
                .body("totalPages", is(Page.COUNT_LIMIT / 20));
        as("procurement", p.hospital()).get("/api/v1/contracts?size=20&exactTotal=true").then().statusCode(200)
                .body("totalItems", is(CONTRACTS)).body("totalItemsExact", is(true))
                .body("totalPages", is(CONTRACTS / 20));
        // Near the end of the list the horizon (ten pages on) passes its end: the count is exact again.
        as("procurement", p.hospital()).get("/api/v1/contracts?size=20&page=45").then().statusCode(200)
                .body("items.size()", is(20)).body("totalItems", is(CONTRACTS)).body("totalItemsExact", is(true));
        as("procurement", p.hospital()).get("/api/v1/contracts?size=20&page=" + (CONTRACTS / 20)).then()
                .statusCode(200).body("items.size()", is(0)).body("totalItems", is(CONTRACTS))
                .body("totalItemsExact", is(true));
        // Another hospital's short list is untouched by this one's length.
        Fixtures.Parties other = Fixtures.parties();
        Fixtures.openContract(other);
        as("procurement", other.hospital()).get("/api/v1/contracts").then()
                .body("totalItems", is(1)).body("totalItemsExact", is(true));
    }

    /** Copies a contract row {@code count} times, each created a second earlier than the last. */
    private void copy(UUID template, int count) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into contract select (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), "
                        + "'created_at', c.created_at - n * interval '1 second'))).* "
                        + "from contract c, generate_series(1, ?) n where c.id = ?")) {
            s.setInt(1, count);
            s.setObject(2, template);
            s.executeUpdate();
        }
    }
}
