package org.sansho.contract.organizations.service;

import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.persistence.Organization;

import java.util.List;
import java.util.UUID;

/** Registers the caller's hospital, or a vendor it deals with ({@code id} null: generated). */
public record RegisterOrganization(OrganizationKind kind, UUID id, String nameJa, String nameEn,
                                   String corporateNumber, List<Organization.Contact> contacts) {
}
