package org.sansho.benchmark.ceiling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One row of the ceiling app: the smallest entity a Panache read or insert can touch. */
@Entity
@Table(name = "bench_row")
public class BenchRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_row_seq")
    @SequenceGenerator(name = "bench_row_seq", sequenceName = "bench_row_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int amount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
