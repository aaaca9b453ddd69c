package org.sansho.contract.contract.service;

import org.sansho.contract.contract.domain.ContractActivity;
import org.sansho.contract.contract.domain.ContractTerm;
import org.sansho.contract.contract.domain.DataCategory;
import org.sansho.contract.contract.domain.Responsibility;
import org.sansho.contract.contract.domain.SlaTerms;
import org.sansho.contract.contract.domain.VersionRef;

import java.util.List;

/** Changes to a contract (an amendment); a null part stays as it is. */
public record AmendContract(String title, List<VersionRef> baseline, List<DataCategory> dataCategories,
                            ContractTerm term, SlaTerms sla, List<Responsibility> responsibilities,
                            ContractActivity activity) {
}
