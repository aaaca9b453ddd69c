package org.sansho.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audit record as the API shows it. */
public record AuditRecordView(long seq, UUID id, Instant recordedAt, Actor actor, String action, String entityType,
                              String entityId, List<UUID> organizations, String beforeDigest, String afterDigest,
                              String requestId, String prevHash, String hash) {

    public record Actor(String subject, UUID organizationId, List<String> roles) {
    }

    static AuditRecordView of(AuditRow row) {
        List<String> roles = row.actorRoles().isEmpty() ? List.of() : List.of(row.actorRoles().split(","));
        return new AuditRecordView(row.seq(), row.id(), row.recordedAt(),
                new Actor(row.actorSubject(), row.actorOrganization(), roles), row.action(), row.entityType(),
                row.entityId(), row.organizations(), row.beforeDigest(), row.afterDigest(), row.requestId(),
                row.prevHash(), row.hash());
    }
}
