package org.sansho.contract.organizations.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sansho.contract.organizations.domain.CertificationScheme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Filter(name = Tenancy.FILTER, condition = Organization.OF_VISIBLE_ORGANIZATION, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "certification")
public class Certification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    public CertificationScheme scheme;

    @Column(name = "certificate_number")
    public String certificateNumber;

    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
