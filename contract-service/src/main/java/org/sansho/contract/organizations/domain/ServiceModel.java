package org.sansho.contract.organizations.domain;

/** Service patterns of 2省GL (A1/A2 application = SaaS, P1/P2 = PaaS, I1/I2 = IaaS) plus outsourced operation. */
public enum ServiceModel {
    SAAS, PAAS, IAAS, OUTSOURCED_OPERATION
}
