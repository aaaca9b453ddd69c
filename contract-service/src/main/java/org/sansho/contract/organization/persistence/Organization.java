package org.sansho.contract.organization.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.sansho.contract.organization.domain.OrganizationKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

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
