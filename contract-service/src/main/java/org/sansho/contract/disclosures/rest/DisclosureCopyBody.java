package org.sansho.contract.disclosures.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.service.CopyDisclosure;

import java.util.UUID;

@Schema(description = "Start this contract's package from the answers of another contract of the same vendor")
public record DisclosureCopyBody(
        @NotNull @Schema(description = "a contract of the caller's organization as vendor, with answers") UUID copyFrom) {
    public CopyDisclosure toCommand() {
        return new CopyDisclosure(copyFrom);
    }
}
