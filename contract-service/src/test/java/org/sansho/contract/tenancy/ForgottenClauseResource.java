package org.sansho.contract.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.persistence.ContractTransition;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.testsupport.tenancy.ForgottenClause;
import org.sansho.testsupport.tenancy.ForgottenClauseQueries;

/**
 * Queries and loads by id without any tenancy clause ({@link ForgottenClauseQueries}) over this service's
 * tenant-scoped entities, for {@link TenancyTest}.
 */
@Path(ForgottenClause.PATH)
public class ForgottenClauseResource extends ForgottenClauseQueries {

    public ForgottenClauseResource(EntityManager em) {
        super(em, Contract.class, ContractTransition.class, Organization.class, VendorService.class);
    }
}
