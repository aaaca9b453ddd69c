package org.sansho.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One link of the audit chain as stored. {@link #computeHash()} is the one definition of a link's hash:
 * SHA-256 over the previous link's hash and every field of this row, each length-prefixed so that no two
 * different rows serialise alike.
 */
public record AuditRow(long seq, UUID id, Instant recordedAt, String actorSubject, UUID actorOrganization,
                       String actorRoles, String action, String entityType, String entityId,
                       List<UUID> organizations, String beforeDigest, String afterDigest, String requestId,
                       String prevHash, String hash) {

    /** The previous hash of the first link. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRow {
        organizations = organizations.stream().sorted().distinct().toList();
    }

    public String computeHash() {
        StringBuilder text = new StringBuilder(512).append(prevHash).append('\n');
        for (Object field : new Object[]{seq, id, recordedAt, actorSubject, actorOrganization, actorRoles, action,
                entityType, entityId, organizationsText(), beforeDigest, afterDigest, requestId}) {
            if (field == null) {
                text.append("-1:\n");
            } else {
                String value = field.toString();
                text.append(value.length()).append(':').append(value).append('\n');
            }
        }
        return sha256(text.toString());
    }

    /** The organizations as hashed (and as PostgreSQL array literal content): sorted, comma-separated. */
    public String organizationsText() {
        return organizations.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    /** This (unsealed) record as the link {@code newSeq} of the chain, after the link whose hash is {@code previous}. */
    AuditRow linkedAs(long newSeq, String previous) {
        AuditRow linked = new AuditRow(newSeq, id, recordedAt, actorSubject, actorOrganization, actorRoles, action,
                entityType, entityId, organizations, beforeDigest, afterDigest, requestId, previous, null);
        return new AuditRow(newSeq, id, recordedAt, actorSubject, actorOrganization, actorRoles, action, entityType,
                entityId, organizations, beforeDigest, afterDigest, requestId, previous, linked.computeHash());
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest: the one hash of the audit trail, for records and for representations. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
