package org.sansho.catalog.guidelines.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sansho.catalog.guidelines.domain.Confidence;
import org.sansho.catalog.guidelines.domain.MappingBasis;
import org.sansho.catalog.guidelines.domain.MappingRelation;

@Entity
@Table(name = "requirement_mapping")
public class MappingEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "from_key")
    public String fromKey;
    @Column(name = "to_key")
    public String toKey;
    @Enumerated(EnumType.STRING)
    public MappingRelation relation;
    @Enumerated(EnumType.STRING)
    public MappingBasis basis;
    @Enumerated(EnumType.STRING)
    public Confidence confidence;
    @Column(name = "rationale_ja")
    public String rationaleJa;
    @Column(name = "rationale_en")
    public String rationaleEn;
    public String source;
    @Column(name = "defined_in")
    public Long definedIn;
}
