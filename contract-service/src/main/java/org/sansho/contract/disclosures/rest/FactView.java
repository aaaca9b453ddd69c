package org.sansho.contract.disclosures.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.domain.FactKind;
import org.sansho.contract.disclosures.service.RegisteredFacts;
import org.sansho.contract.organizations.persistence.VendorService;

import java.util.List;

/**
 * A row's fact side by side: what the vendor registered in this service (its service, certifications, the contract's
 * SLA) and what it wrote in its answer. Only the registered part that the fact is about is filled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A registered fact beside the vendor's statement")
public record FactView(
        FactKind kind,
        @Schema(description = "where the registered value comes from") String registeredIn,
        @Schema(description = "DATA_LOCATION: the service's registered data locations")
        List<VendorService.DataLocation> dataLocations,
        @Schema(description = "SUBCONTRACTORS: the service's registered subcontractor chain")
        List<VendorService.Subcontractor> subcontractors,
        @Schema(description = "CERTIFICATIONS: the vendor's registered certifications")
        List<RegisteredFacts.HeldCertification> certifications,
        @Schema(description = "BACKUP_GENERATIONS: backup generations promised in the contract's SLA")
        Integer backupGenerations,
        @Schema(description = "BACKUP_GENERATIONS: an offline backup copy promised in the contract's SLA")
        Boolean offlineBackupCopy,
        @Schema(description = "the vendor's statement on the row, or null before it answers") String vendorStatement) {

    public static FactView of(FactKind kind, RegisteredFacts f, String statement) {
        if (kind == null) {
            return null;
        }
        String service = "service " + f.serviceName();
        return switch (kind) {
            case DATA_LOCATION -> new FactView(kind, service, f.dataLocations(), null, null, null, null, statement);
            case SUBCONTRACTORS -> new FactView(kind, service, null, f.subcontractors(), null, null, null, statement);
            case CERTIFICATIONS -> new FactView(kind, "the vendor's certifications", null, null, f.certifications(),
                    null, null, statement);
            case BACKUP_GENERATIONS -> new FactView(kind, "the contract's SLA", null, null, null,
                    f.backupGenerations(), f.offlineBackupCopy(), statement);
        };
    }
}
