package org.sansho.platform.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who made a change: a token's subject, organization and roles, or {@code system:<name>} for a change the
 * service made on its own (an event consumer, a scheduled job).
 */
public record AuditActor(String subject, UUID organizationId, List<String> roles) {

    public static final String SYSTEM_PREFIX = "system:";

    public AuditActor {
        roles = roles == null ? List.of() : roles.stream().sorted().distinct().toList();
    }

    public static AuditActor of(String subject, UUID organizationId, Collection<String> roles) {
        return new AuditActor(subject, organizationId, roles == null ? List.of() : List.copyOf(roles));
    }

    /** A change the service made on its own, e.g. {@code system:assessment-service.contract-events}. */
    public static AuditActor system(String name) {
        return new AuditActor(SYSTEM_PREFIX + name, null, List.of());
    }

    /** The roles as stored and hashed: sorted, comma-separated. */
    public String rolesText() {
        return String.join(",", roles);
    }
}
