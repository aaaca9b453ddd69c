package org.sansho.catalog.oscal.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The report of the OSCAL import that created a draft version, kept for the review before publishing. */
@Entity
@Table(name = "oscal_import")
public class OscalImportEntity extends PanacheEntityBase {
    @Id
    @Column(name = "version_id")
    public Long versionId;
    /** The {@code OscalImportReport} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
    @Column(name = "imported_at")
    public Instant importedAt;
}
