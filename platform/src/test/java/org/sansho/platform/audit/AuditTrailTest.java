package org.sansho.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.sansho.testsupport.TestTokens;
import org.sansho.testsupport.AuditTable;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class AuditTrailTest {

    private final UUID org = UUID.randomUUID();

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Test
    void a_change_writes_one_record_with_actor_request_id_entity_and_digest_linked_to_the_previous_one() {
        long before = table().count();
        Response response = given().auth().oauth2(TestTokens.token("procurement", org))
                .header("X-Request-Id", "req-" + org).contentType("text/plain").body("hello")
                .post("/fixture/audited-notes");
        response.then().statusCode(200);
        String id = response.path("id");

        assertThat(table().count()).isEqualTo(before + 1);
        Map<String, Object> record = onlyRecord(org, id);
        assertThat(record).containsEntry("action", "note.created").containsEntry("entityType", "note")
                .containsEntry("entityId", id).containsEntry("organizations", List.of(org.toString()))
                .containsEntry("beforeDigest", null).containsEntry("requestId", response.header("X-Request-Id"));
        assertThat(response.header("X-Request-Id")).isEqualTo("req-" + org);
        assertThat(record.get("actor")).isEqualTo(Map.of("subject", "user-procurement@" + org,
                "organizationId", org.toString(), "roles", List.of("procurement")));
        assertThat(record.get("afterDigest")).isEqualTo(CanonicalJson.digest(new com.fasterxml.jackson.databind
                .ObjectMapper(), Map.of("id", id, "text", "hello")));
        long seq = ((Number) record.get("seq")).longValue();
        String previousHash = seq == 1 ? AuditRow.GENESIS : QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("select hash from audit_record where seq = ?1")
                        .setParameter(1, seq - 1).getSingleResult());
        assertThat(record.get("prevHash")).isEqualTo(previousHash);
        assertThat(verifyAsAuditor().path("verified").equals(true)).isTrue();
    }

    @Test
    void a_failed_change_writes_no_record() {
        long before = table().count();
        given().auth().oauth2(TestTokens.token("procurement", org)).contentType("text/plain").body("doomed")
                .post("/fixture/audited-notes?fail=true").then().statusCode(409);
        assertThat(table().count()).isEqualTo(before);
    }

    @Test
    void recording_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> audit.record("note.created", "note", "x", List.of(), null, Map.of()))
                .isInstanceOf(jakarta.transaction.TransactionalException.class)
                .hasMessageContaining("Transaction is required");
    }

    @Test
    void the_database_refuses_to_update_delete_or_truncate_an_audit_record() {
        record(AuditActor.system("test"), "note-" + UUID.randomUUID());
        for (String statement : List.of("update audit_record set action = 'x'", "delete from audit_record",
                "truncate audit_record")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(statement).executeUpdate()))
                    .as(statement).hasStackTraceContaining("append-only");
        }
        assertThat(verifyAsAuditor().path("verified").equals(true)).isTrue();
    }

    @Test
    void concurrent_writers_extend_one_chain_without_gaps_or_forks() throws Exception {
        long before = table().count();
        int writers = 6;
        int each = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            AuditActor actor = AuditActor.system("writer-" + w);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    record(actor, "concurrent-" + UUID.randomUUID());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        table().awaitSealed();

        assertThat(table().count()).isEqualTo(before + writers * each);
        List<?> distinctPrevious = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select prev_hash from audit_record group by prev_hash having count(*) > 1").getResultList());
        assertThat(distinctPrevious).as("two records with the same predecessor would fork the chain").isEmpty();
        Number maxSeq = QuarkusTransaction.requiringNew().call(() ->
                (Number) em.createNativeQuery("select max(seq) from audit_record").getSingleResult());
        assertThat(maxSeq.longValue()).isEqualTo(table().count());
        AuditVerification verification = audit.verify();
        assertThat(verification.verified()).isTrue();
        assertThat(verification.checked()).isEqualTo(table().count());
    }

    @Test
    void a_batch_inserts_its_records_together_and_they_seal_into_a_chain_that_verifies() {
        long before = table().count();
        int records = AuditTrail.BATCH_ROWS * 2 + 7;
        String prefix = "batched-" + UUID.randomUUID() + "-";
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            audit.actAs(AuditActor.system("batch-writer"), "batch-request");
            List<UUID> written = new ArrayList<>();
            try (AuditTrail.Batch batch = audit.batch()) {
                for (int i = 0; i < records; i++) {
                    written.add(audit.record("note.created", "note", prefix + i, List.of(org), null,
                            Map.of("entity", prefix + i)));
                    if (i == 0) {
                        assertThat(table().count()).as("a batch holds its first records until it has enough")
                                .isEqualTo(before);
                    }
                }
            }
            return written;
        });
        table().awaitSealed();

        assertThat(table().count()).isEqualTo(before + records);
        List<AuditRow> rows = QuarkusTransaction.requiringNew().call(() -> audit.rows("select "
                + AuditTrail.COLUMNS + " from audit_record where entity_id like ?1 order by seq",
                Map.of(1, prefix + "%")));
        assertThat(rows).extracting(AuditRow::id).as("sealed in the order they were recorded").isEqualTo(ids);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.actorSubject()).isEqualTo("system:batch-writer");
            assertThat(r.requestId()).isEqualTo("batch-request");
            assertThat(r.organizations()).containsExactly(org);
            assertThat(r.beforeDigest()).isNull();
            assertThat(r.afterDigest()).isEqualTo(CanonicalJson.digest(new com.fasterxml.jackson.databind
                    .ObjectMapper(), Map.of("entity", r.entityId())));
        });
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).seq()).isEqualTo(rows.get(i - 1).seq() + 1);
            assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
        }
        AuditVerification verification = audit.verify();
        assertThat(verification.verified()).isTrue();
        assertThat(verification.checked()).isEqualTo(table().count());
    }

    @Test
    void a_transaction_that_leaves_a_batch_open_with_records_does_not_commit() {
        long before = table().count();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.actAs(AuditActor.system("forgetful-writer"), null);
            audit.batch();
            audit.record("note.created", "note", "unclosed-" + UUID.randomUUID(), List.of(org), null, Map.of());
        })).as("the commit fails").isInstanceOf(RuntimeException.class);
        assertThat(table().count()).isEqualTo(before);
    }

    @Test
    void a_writer_does_not_wait_for_another_writers_commit() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String slow = "slow-" + UUID.randomUUID();
        String quick = "quick-" + UUID.randomUUID();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slowWriter = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record("note.created", "note", slow, List.of(org), null, Map.of("v", 1));
            recorded.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
            // the slow writer's transaction is open, its record written: the quick one commits regardless
            long t0 = System.nanoTime();
            record(AuditActor.system("test"), quick);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(slowWriter.isDone()).isFalse();
        } finally {
            release.countDown();
            slowWriter.get(30, TimeUnit.SECONDS);
            pool.shutdown();
        }
        table().awaitSealed();
        assertThat(onlyRecord(org, slow).get("seq")).isNotNull();
        assertThat(((Number) onlyRecord(org, slow).get("seq")).longValue())
                .isGreaterThan(((Number) onlyRecord(org, quick).get("seq")).longValue());
        assertThat(audit.verify().verified()).isTrue();
    }

    @Test
    void the_database_lets_a_record_be_sealed_once_and_with_nothing_else_changed() {
        AuditRow row = record(AuditActor.system("test"), "sealed-" + UUID.randomUUID());
        assertThat(table().refuses("update audit_record set seq = seq + 1000000 where id = '" + row.id() + "'"))
                .as("re-sealing").isTrue();
        // an unsealed record (as a writer leaves it) may only be given seq, prev_hash and hash
        String entity = "unsealed-" + UUID.randomUUID();
        String insert = "insert into audit_record (id, recorded_at, actor_subject, actor_roles, action, entity_type, "
                + "entity_id, organizations) values (gen_random_uuid(), now(), 'system:test', '', 'note.created', "
                + "'note', '" + entity + "', '{}'); ";
        assertThat(table().refuses(insert + "update audit_record set seq = 999999999, prev_hash = 'x', hash = 'y', "
                + "action = 'note.deleted' where entity_id = '" + entity + "'")).as("sealing with a changed field")
                .isTrue();
        assertThat(table().refuses(insert + "delete from audit_record where entity_id = '" + entity + "'"))
                .as("removing an unsealed record").isTrue();
        assertThat(table().refuses(insert + "update audit_record set seq = 999999999, prev_hash = 'x', hash = 'y' "
                + "where entity_id = '" + entity + "'")).as("sealing alone").isFalse();
        assertThat(audit.verify().verified()).isTrue();
    }

    @Test
    void altering_a_row_in_the_database_makes_verify_report_exactly_that_row() {
        String entity = "tampered-" + UUID.randomUUID();
        AuditRow target = record(AuditActor.system("test"), entity);
        record(AuditActor.system("test"), "after-" + entity);
        try {
            table().tamper("update audit_record set actor_subject = 'someone-else' where seq = " + target.seq());

            Response verify = verifyAsAuditor();
            verify.then().statusCode(200);
            assertThat(verify.<Boolean>path("verified")).isFalse();
            assertThat(verify.<Number>path("firstBrokenSeq").longValue()).isEqualTo(target.seq());
            assertThat(verify.<String>path("firstBrokenId")).isEqualTo(target.id().toString());
            assertThat(verify.<Number>path("checked").longValue()).isEqualTo(target.seq() - 1);
            assertThat(verify.<String>path("reason")).contains("altered");
        } finally {
            table().tamper("update audit_record set actor_subject = '" + target.actorSubject() + "' where seq = "
                    + target.seq());
        }
        assertThat(verifyAsAuditor().<Boolean>path("verified")).isTrue();
    }

    @Test
    void auditors_read_their_own_organizations_records_and_public_ones_only() {
        UUID otherOrg = UUID.randomUUID();
        String entity = "shared-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.actAs(AuditActor.system("test"), "event:1");
            audit.record("note.created", "note", entity, List.of(org), null, Map.of("v", 1));
            audit.record("note.changed", "note", entity, List.of(otherOrg), Map.of("v", 1), Map.of("v", 2));
            audit.record("note.published", "note", entity, List.of(), Map.of("v", 2), Map.of("v", 3));
        });
        table().awaitSealed();

        List<String> mine = given().auth().oauth2(TestTokens.token("auditor", org))
                .queryParam("entityId", entity).get("/api/v1/audit")
                .then().statusCode(200).extract().path("items.action");
        assertThat(mine).containsExactly("note.published", "note.created");
        given().auth().oauth2(TestTokens.token("auditor", otherOrg)).queryParam("entityId", entity)
                .queryParam("entityType", "note").queryParam("size", 1).get("/api/v1/audit")
                .then().statusCode(200).body("totalItems", is(2))
                .body("items[0].action", is("note.published"))
                .body("items[0].requestId", is("event:1"))
                .body("items[0].actor.subject", is("system:test"));
        given().auth().oauth2(TestTokens.token("auditor", org)).queryParam("entityId", entity)
                .queryParam("from", "2999-01-01T00:00:00Z").get("/api/v1/audit")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void only_auditors_read_the_trail_and_bad_filters_are_problems() {
        given().auth().oauth2(TestTokens.token("procurement", org)).get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("procurement", org)).get("/api/v1/audit/verify").then()
                .statusCode(403);
        given().get("/api/v1/audit").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("auditor", org)).queryParam("from", "yesterday")
                .get("/api/v1/audit").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("from"));
        given().auth().oauth2(TestTokens.token("auditor", org)).queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z").get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("auditor", org)).queryParam("size", 1000)
                .get("/api/v1/audit").then().statusCode(400).contentType("application/problem+json");
    }

    /** Records in a transaction of its own and returns the record as sealed into the chain. */
    private AuditRow record(AuditActor actor, String entity) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            audit.actAs(actor, null);
            return audit.record("note.created", "note", entity, List.of(org), null, Map.of("entity", entity));
        });
        table().awaitSealed();
        return QuarkusTransaction.requiringNew().call(() -> audit.rows("select " + AuditTrail.COLUMNS
                + " from audit_record where id = cast(?1 as uuid)", Map.of(1, id.toString())).get(0));
    }

    private Response verifyAsAuditor() {
        return given().auth().oauth2(TestTokens.token("auditor", org)).get("/api/v1/audit/verify");
    }

    private Map<String, Object> onlyRecord(UUID organization, String entityId) {
        table().awaitSealed();
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.token("auditor", organization))
                .queryParam("entityId", entityId).get("/api/v1/audit").then().statusCode(200)
                .extract().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private AuditTable table() {
        return new AuditTable(dataSource);
    }
}
