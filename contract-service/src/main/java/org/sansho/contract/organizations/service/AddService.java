package org.sansho.contract.organizations.service;

import org.sansho.contract.organizations.domain.ServiceModel;
import org.sansho.contract.organizations.persistence.VendorService;

import java.util.List;

/** Adds a service (offering) of a vendor, with where it keeps data and its supply chain. */
public record AddService(String name, ServiceModel serviceModel, List<VendorService.DataLocation> dataLocations,
                         List<VendorService.Subcontractor> subcontractors) {
}
