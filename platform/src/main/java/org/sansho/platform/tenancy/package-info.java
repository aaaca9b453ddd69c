/**
 * Tenancy enforced in the persistence layer: one Hibernate filter, on in every session, whose parameters come from
 * the current {@link org.sansho.platform.tenancy.TenantScope}. See {@link org.sansho.platform.tenancy.Tenancy}.
 */
@FilterDef(name = Tenancy.FILTER, autoEnabled = true, applyToLoadByKey = true, parameters = {
        @ParamDef(name = Tenancy.ALL_ORGANIZATIONS, type = Boolean.class, resolver = Tenancy.AllOrganizations.class),
        @ParamDef(name = Tenancy.ORGANIZATION, type = UUID.class, resolver = Tenancy.Organization.class),
        @ParamDef(name = Tenancy.HOSPITAL_ORGANIZATION, type = UUID.class,
                resolver = Tenancy.HospitalOrganization.class),
        @ParamDef(name = Tenancy.VENDOR_ORGANIZATION, type = UUID.class, resolver = Tenancy.VendorOrganization.class)})
package org.sansho.platform.tenancy;

import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import java.util.UUID;
