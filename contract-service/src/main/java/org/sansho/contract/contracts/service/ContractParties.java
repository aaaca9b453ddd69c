package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;

/** Which side of a contract a caller writes for: the hospital's procurement or the vendor's staff. */
public final class ContractParties {

    private ContractParties() {
    }

    public static ResponsibleParty sideOf(Contract c, Caller caller) {
        var tenant = caller.requireOrganization();
        if (caller.hasRole(Roles.PROCUREMENT) && c.hospitalId.equals(tenant)) {
            return ResponsibleParty.HOSPITAL;
        }
        if (caller.hasRole(Roles.VENDOR) && c.vendorId.equals(tenant)) {
            return ResponsibleParty.VENDOR;
        }
        throw ProblemException.forbidden("Only the hospital's procurement or the vendor's staff act on this contract");
    }

    public static void requireSide(Contract c, Caller caller, ResponsibleParty side, String what) {
        if (sideOf(c, caller) != side) {
            throw ProblemException.forbidden(what + " is recorded by the " + side.name().toLowerCase() + " side");
        }
    }
}
