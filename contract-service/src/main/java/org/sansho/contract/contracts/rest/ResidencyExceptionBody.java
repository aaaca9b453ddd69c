package org.sansho.contract.contracts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.service.RecordResidencyException;

@Schema(description = "The hospital's documented exception to domestic data storage (2省GL §4.1 表4-1): a contract "
        + "covering records with a legal retention duty, or naming a data region, may use a service that stores data "
        + "outside Japanese jurisdiction only with this record. Kept with the contract and audited.")
public record ResidencyExceptionBody(
        @NotBlank @Size(max = 2000)
        @Schema(example = "海外リージョンのバックアップのみ。暗号鍵は国内で管理し、法務部が準拠法と管轄を確認済み")
        String reason,
        @NotBlank @Size(max = 200) @Schema(example = "医療情報システム安全管理責任者 佐藤") String approvedBy) {
    public RecordResidencyException toCommand() {
        return new RecordResidencyException(reason, approvedBy);
    }
}
