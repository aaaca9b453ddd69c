package org.sansho.contract.organizations.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.persistence.Organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A registered organization")
public record OrganizationView(UUID id, OrganizationKind kind, String nameJa, String nameEn,
                               String corporateNumber, List<Organization.Contact> contacts, UUID registeredBy,
                               Instant createdAt) {
    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.id, o.kind, o.nameJa, o.nameEn, o.corporateNumber, o.contacts,
                o.registeredBy, o.createdAt);
    }
}
