package org.sansho.contract.contracts.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.annotations.Filter;
import org.sansho.platform.tenancy.Tenancy;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;

import java.time.Instant;
import java.util.UUID;

/** One step of a contract's history; never updated. */
@Filter(name = Tenancy.FILTER, condition = Contract.OF_VISIBLE_CONTRACT, deduceAliasInjectionPoints = false)
@Entity
@Table(name = "contract_transition")
public class ContractTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contract_id")
    public UUID contractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ContractState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ContractState toState;

    @Enumerated(EnumType.STRING)
    public ContractPhase phase;

    public String actor;

    public String reason;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
