package org.sansho.contract.organizations.domain;

/** A medical institution that procures, or a vendor that provides medical information systems or services. */
public enum OrganizationKind {
    HOSPITAL, VENDOR
}
