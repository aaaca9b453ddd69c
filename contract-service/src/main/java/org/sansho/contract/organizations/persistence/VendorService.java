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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A vendor's offering that contracts are made for. */
@Filter(name = Tenancy.FILTER, condition = Organization.OF_VISIBLE_ORGANIZATION, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "vendor_service")
public class VendorService extends PanacheEntityBase {

    /** Where the data is stored, and whether the place is under Japanese law (2省GL 表4-1 row 1). */
    public record DataLocation(String country, String region, boolean domesticJurisdiction) {
    }

    /** A vendor in the supply chain of this service, with the vendors it sources from in turn. */
    public record Subcontractor(String name, String corporateNumber, String role, List<Subcontractor> subcontractors) {
    }

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_model")
    public ServiceModel serviceModel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_locations")
    public List<DataLocation> dataLocations;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Subcontractor> subcontractors;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
