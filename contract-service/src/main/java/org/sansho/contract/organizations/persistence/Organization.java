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
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.contract.organizations.domain.OrganizationKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Filter(name = Tenancy.FILTER, condition = Organization.VISIBLE, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    /**
     * Tenancy of organizations: an organization sees itself, the organizations it registered and the counterparts of
     * its contracts (whatever the caller's role); a service or system work sees all.
     */
    public static final String VISIBLE = "(:" + Tenancy.ALL_ORGANIZATIONS + " or {alias}.id = :" + Tenancy.ORGANIZATION
            + " or {alias}.registered_by = :" + Tenancy.ORGANIZATION
            + " or exists (select 1 from contract oc where (oc.hospital_id = :" + Tenancy.ORGANIZATION
            + " and oc.vendor_id = {alias}.id) or (oc.vendor_id = :" + Tenancy.ORGANIZATION
            + " and oc.hospital_id = {alias}.id)))";

    /** The tenancy filter of a row that belongs to an organization by its {@code organization_id}. */
    public static final String OF_VISIBLE_ORGANIZATION = "(:" + Tenancy.ALL_ORGANIZATIONS
            + " or exists (select 1 from organization vo where vo.id = {alias}.organization_id and (vo.id = :"
            + Tenancy.ORGANIZATION + " or vo.registered_by = :" + Tenancy.ORGANIZATION
            + " or exists (select 1 from contract oc where (oc.hospital_id = :" + Tenancy.ORGANIZATION
            + " and oc.vendor_id = vo.id) or (oc.vendor_id = :" + Tenancy.ORGANIZATION
            + " and oc.hospital_id = vo.id)))))";

    /** A person or desk to contact at the organization. */
    public record Contact(String name, String role, String email, String phone) {
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    @Column(name = "name_ja")
    public String nameJa;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "corporate_number")
    public String corporateNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contact> contacts;

    /** The organization (tenant) that registered this record. */
    @Column(name = "registered_by")
    public UUID registeredBy;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
