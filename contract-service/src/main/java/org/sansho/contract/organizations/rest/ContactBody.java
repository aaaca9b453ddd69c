package org.sansho.contract.organizations.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.persistence.Organization;

@Schema(description = "A person or desk to contact")
public record ContactBody(
        @NotBlank @Size(max = 200) @Schema(example = "情報システム課 山田") String name,
        @Size(max = 100) @Schema(example = "security officer") String role,
        @Email @Size(max = 200) @Schema(example = "security@example-hospital.jp") String email,
        @Size(max = 40) @Schema(example = "03-1234-5678") String phone) {
    public Organization.Contact toContact() {
        return new Organization.Contact(name, role, email, phone);
    }
}
