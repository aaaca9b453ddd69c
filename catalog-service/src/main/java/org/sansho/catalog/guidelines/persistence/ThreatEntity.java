package org.sansho.catalog.guidelines.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sansho.catalog.guidelines.domain.ThreatGroup;

@Entity
@Table(name = "threat")
public class ThreatEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Enumerated(EnumType.STRING)
    @Column(name = "threat_group")
    public ThreatGroup group;
    @Column(name = "name_ja")
    public String nameJa;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "description_ja")
    public String descriptionJa;
    @Column(name = "description_en")
    public String descriptionEn;
    /** e.g. "CIA", "CA". */
    public String impact;
    public String source;
}
