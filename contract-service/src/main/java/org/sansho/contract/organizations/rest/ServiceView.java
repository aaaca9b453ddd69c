package org.sansho.contract.organizations.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.ServiceModel;
import org.sansho.contract.organizations.persistence.VendorService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A vendor offering")
public record ServiceView(UUID id, UUID organizationId, String name, ServiceModel serviceModel,
                          List<VendorService.DataLocation> dataLocations,
                          List<VendorService.Subcontractor> subcontractors, Instant createdAt) {
    public static ServiceView of(VendorService s) {
        return new ServiceView(s.id, s.organizationId, s.name, s.serviceModel, s.dataLocations,
                s.subcontractors, s.createdAt);
    }
}
