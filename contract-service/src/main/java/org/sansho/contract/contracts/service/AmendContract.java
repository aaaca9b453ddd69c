package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.domain.VersionRef;

import java.util.List;

/** Changes to a contract (an amendment); a null part stays as it is. */
public record AmendContract(String title, List<VersionRef> baseline, List<DataCategory> dataCategories,
                            ContractTerm term, SlaTerms sla, List<Responsibility> responsibilities,
                            ContractActivity activity, RecordResidencyException residencyException) {
}
