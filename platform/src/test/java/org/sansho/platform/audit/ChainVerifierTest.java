package org.sansho.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChainVerifierTest {

    private static final UUID ORG = UUID.randomUUID();

    @Test
    void an_unbroken_chain_verifies_and_counts_every_record() {
        AuditVerification result = verify(chain(5));
        assertThat(result).isEqualTo(AuditVerification.intact(5));
    }

    @Test
    void an_empty_chain_verifies() {
        assertThat(verify(List.of())).isEqualTo(AuditVerification.intact(0));
    }

    @Test
    void an_altered_field_breaks_the_chain_at_exactly_that_record() {
        List<AuditRow> rows = chain(5);
        AuditRow original = rows.get(2);
        rows.set(2, new AuditRow(original.seq(), original.id(), original.recordedAt(), "someone-else",
                original.actorOrganization(), original.actorRoles(), original.action(), original.entityType(),
                original.entityId(), original.organizations(), original.beforeDigest(), original.afterDigest(),
                original.requestId(), original.prevHash(), original.hash()));

        AuditVerification result = verify(rows);

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.firstBrokenId()).isEqualTo(original.id());
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.reason()).contains("altered");
    }

    @Test
    void a_record_rewritten_with_a_fresh_hash_breaks_the_chain_at_the_next_record() {
        List<AuditRow> rows = chain(4);
        AuditRow original = rows.get(1);
        AuditRow forged = new AuditRow(original.seq(), original.id(), original.recordedAt(), original.actorSubject(),
                original.actorOrganization(), original.actorRoles(), "note.deleted", original.entityType(),
                original.entityId(), original.organizations(), original.beforeDigest(), original.afterDigest(),
                original.requestId(), original.prevHash(), null);
        rows.set(1, forged.linkedAs(forged.seq(), forged.prevHash()));

        AuditVerification result = verify(rows);

        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.firstBrokenId()).isEqualTo(rows.get(2).id());
        assertThat(result.reason()).contains("prev_hash");
    }

    @Test
    void a_removed_record_breaks_the_chain_at_the_record_after_the_gap() {
        List<AuditRow> rows = chain(4);
        rows.remove(1);

        AuditVerification result = verify(rows);

        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
        assertThat(result.reason()).contains("expected seq 2");
    }

    @Test
    void every_field_is_covered_by_the_hash() {
        AuditRow row = chain(1).get(0);
        String hash = row.computeHash();
        assertThat(new AuditRow(row.seq(), row.id(), row.recordedAt().plusNanos(1000), row.actorSubject(),
                row.actorOrganization(), row.actorRoles(), row.action(), row.entityType(), row.entityId(),
                row.organizations(), row.beforeDigest(), row.afterDigest(), row.requestId(), row.prevHash(), null)
                .computeHash()).isNotEqualTo(hash);
        assertThat(new AuditRow(row.seq(), row.id(), row.recordedAt(), row.actorSubject(), row.actorOrganization(),
                row.actorRoles(), row.action(), row.entityType(), row.entityId(), List.of(), row.beforeDigest(),
                row.afterDigest(), row.requestId(), row.prevHash(), null).computeHash()).isNotEqualTo(hash);
        assertThat(new AuditRow(row.seq(), row.id(), row.recordedAt(), row.actorSubject(), row.actorOrganization(),
                row.actorRoles(), row.action(), row.entityType(), row.entityId(), row.organizations(),
                row.beforeDigest(), row.afterDigest(), "other-request", row.prevHash(), null).computeHash())
                .isNotEqualTo(hash);
        // Length prefixes: moving a character from one field to the next changes the hash.
        assertThat(new AuditRow(row.seq(), row.id(), row.recordedAt(), row.actorSubject(), row.actorOrganization(),
                row.actorRoles(), "note.create", "dnote", row.entityId(), row.organizations(), row.beforeDigest(),
                row.afterDigest(), row.requestId(), row.prevHash(), null).computeHash())
                .isNotEqualTo(new AuditRow(row.seq(), row.id(), row.recordedAt(), row.actorSubject(),
                        row.actorOrganization(), row.actorRoles(), "note.created", "note", row.entityId(),
                        row.organizations(), row.beforeDigest(), row.afterDigest(), row.requestId(), row.prevHash(),
                        null).computeHash());
    }

    @Test
    void the_digest_of_a_representation_does_not_depend_on_field_order() {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 2);
        one.put("a", Map.of("y", "x", "x", List.of(1, 2)));
        Map<String, Object> other = new TreeMap<>(one);

        assertThat(CanonicalJson.digest(mapper, one)).isEqualTo(CanonicalJson.digest(mapper, other))
                .hasSize(64);
        assertThat(CanonicalJson.digest(mapper, Map.of("a", 1))).isNotEqualTo(CanonicalJson.digest(mapper,
                Map.of("a", 2)));
        assertThat(CanonicalJson.digest(mapper, null)).isNull();
        assertThat(CanonicalJson.canonical(mapper.valueToTree(one))).isEqualTo("{\"a\":{\"x\":[1,2],\"y\":\"x\"},\"b\":2}");
    }

    @Test
    void the_streamed_digest_is_the_hash_of_the_canonical_text_in_utf8() {
        ObjectMapper mapper = new ObjectMapper();
        // larger than the digest's write buffer, with Japanese text on both sides of buffer boundaries
        List<Map<String, Object>> requirements = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            requirements.add(Map.of("key", "R-" + i, "summary", Map.of("ja", "委託先は医療情報を適切に管理する " + i,
                    "en", "The vendor keeps medical information safe " + i), "score", i * 0.5));
        }
        Map<String, Object> content = Map.of("requirements", requirements, "note", "\"引用\"\n改行");

        String text = CanonicalJson.canonical(mapper.valueToTree(content));
        assertThat(text.length()).isGreaterThan(8192 * 4);
        assertThat(CanonicalJson.digest(mapper, content)).isEqualTo(AuditRow.sha256(text));
    }

    @Test
    void strings_are_written_exactly_as_jacksons_generator_writes_them() {
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x250; c++) {
            every.append(c);
        }
        List<String> texts = List.of(every.toString(), "", "\"引用\"\n改行\t\\ / \u2028\u2029 \uD83C\uDFE5 病院",
                "\u0000\u001f\u007f", "2026-12-08T00:00:00Z", "a\"b");
        for (String text : texts) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put(text, List.of(text, Map.of("k", text)));
            var node = mapper.valueToTree(value);
            String expected = "{" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + ":["
                    + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + ",{\"k\":"
                    + com.fasterxml.jackson.databind.node.TextNode.valueOf(text) + "}]}";
            assertThat(CanonicalJson.canonical((com.fasterxml.jackson.databind.JsonNode) node)).isEqualTo(expected);
        }
    }

    private static List<AuditRow> chain(int size) {
        List<AuditRow> rows = new ArrayList<>();
        String prev = AuditRow.GENESIS;
        for (int seq = 1; seq <= size; seq++) {
            AuditRow row = new AuditRow(seq, UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00.123456Z"),
                    "user-" + seq, ORG, "procurement", "note.created", "note", "n-" + seq, List.of(ORG), null,
                    AuditRow.sha256("after-" + seq), "req-" + seq, prev, null);
            row = row.linkedAs(seq, prev);
            rows.add(row);
            prev = row.hash();
        }
        return rows;
    }

    private static AuditVerification verify(List<AuditRow> rows) {
        ChainVerifier verifier = new ChainVerifier();
        for (AuditRow row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.result();
    }
}
