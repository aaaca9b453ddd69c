package org.sansho.contract.organizations.rest;

import org.sansho.contract.organizations.service.AddCertification;
import org.sansho.contract.organizations.service.AddService;
import org.sansho.contract.organizations.service.RegisterOrganization;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.organizations.domain.CertificationScheme;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.domain.ServiceModel;
import org.sansho.contract.organizations.domain.ValidCorporateNumber;
import org.sansho.contract.organizations.persistence.Certification;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the organization API. */
public final class OrganizationRepresentations {

    private OrganizationRepresentations() {
    }

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

    @Schema(description = "An organization to register: the caller's own hospital, or a vendor it deals with")
    public record NewOrganization(
            @NotNull @Schema(example = "VENDOR") OrganizationKind kind,
            @Schema(description = "For a vendor: its tenant id in the identity provider, so that its staff can act "
                    + "for it; generated when absent. For a hospital it is always the caller's organization.",
                    example = "5b8c0a4e-3d7f-4a51-9a4c-7f1e2d3c4b5a") UUID id,
            @NotBlank @Size(max = 200) @Schema(example = "株式会社メディクラウド") String nameJa,
            @Size(max = 200) @Schema(example = "MediCloud Inc.") String nameEn,
            @NotNull @ValidCorporateNumber @Schema(description = "法人番号, 13 digits with its check digit",
                    example = "7000012050002") String corporateNumber,
            @Size(max = 20) List<@NotNull @Valid ContactBody> contacts) {
        public RegisterOrganization toCommand() {
            return new RegisterOrganization(kind, id, nameJa, nameEn, corporateNumber,
                    contacts == null ? null : contacts.stream().map(ContactBody::toContact).toList());
        }
    }

    @Schema(description = "A registered organization")
    public record OrganizationView(UUID id, OrganizationKind kind, String nameJa, String nameEn,
                                   String corporateNumber, List<Organization.Contact> contacts, UUID registeredBy,
                                   Instant createdAt) {
        public static OrganizationView of(Organization o) {
            return new OrganizationView(o.id, o.kind, o.nameJa, o.nameEn, o.corporateNumber, o.contacts,
                    o.registeredBy, o.createdAt);
        }
    }

    @Schema(description = "Where the service stores data")
    public record DataLocationBody(
            @NotBlank @Size(min = 2, max = 2) @Schema(example = "JP") String country,
            @Size(max = 100) @Schema(example = "Tokyo") String region,
            @NotNull @Schema(description = "the storage is subject to Japanese law (2省GL 表4-1)", example = "true")
            Boolean domesticJurisdiction) {
        public VendorService.DataLocation toLocation() {
            return new VendorService.DataLocation(country, region, domesticJurisdiction);
        }
    }

    @Schema(description = "A vendor in the supply chain, with its own subcontractors")
    public record SubcontractorBody(
            @NotBlank @Size(max = 200) @Schema(example = "データセンター株式会社") String name,
            @ValidCorporateNumber String corporateNumber,
            @Size(max = 200) @Schema(example = "IaaS provider") String role,
            @Size(max = 20) List<@NotNull @Valid SubcontractorBody> subcontractors) {
        public VendorService.Subcontractor toSubcontractor() {
            return new VendorService.Subcontractor(name, corporateNumber, role,
                    subcontractors == null ? List.of()
                            : subcontractors.stream().map(SubcontractorBody::toSubcontractor).toList());
        }
    }

    @Schema(description = "A vendor offering")
    public record NewService(
            @NotBlank @Size(max = 200) @Schema(example = "クラウド型電子カルテ") String name,
            @NotNull @Schema(example = "SAAS") ServiceModel serviceModel,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid DataLocationBody> dataLocations,
            @Size(max = 50) List<@NotNull @Valid SubcontractorBody> subcontractors) {
        public AddService toCommand() {
            return new AddService(name, serviceModel, dataLocations.stream().map(DataLocationBody::toLocation).toList(),
                    subcontractors == null ? null
                            : subcontractors.stream().map(SubcontractorBody::toSubcontractor).toList());
        }
    }

    @Schema(description = "A vendor offering")
    public record ServiceView(UUID id, UUID organizationId, String name, ServiceModel serviceModel,
                              List<VendorService.DataLocation> dataLocations,
                              List<VendorService.Subcontractor> subcontractors, Instant createdAt) {
        public static ServiceView of(VendorService s) {
            return new ServiceView(s.id, s.organizationId, s.name, s.serviceModel, s.dataLocations,
                    s.subcontractors, s.createdAt);
        }
    }

    @Schema(description = "A certification the vendor holds")
    public record NewCertification(
            @NotNull @Schema(example = "ISMS") CertificationScheme scheme,
            @Size(max = 100) @Schema(example = "IS 123456") String certificateNumber,
            @Size(max = 200) @Schema(example = "JQA") String issuer,
            @NotNull @Schema(example = "2024-04-01") LocalDate issuedOn,
            @NotNull @Schema(example = "2027-03-31") LocalDate expiresOn) {
        public AddCertification toCommand() {
            return new AddCertification(scheme, certificateNumber, issuer, issuedOn, expiresOn);
        }
    }

    @Schema(description = "A certification the vendor holds")
    public record CertificationView(UUID id, UUID organizationId, CertificationScheme scheme, String certificateNumber,
                                    String issuer, LocalDate issuedOn, LocalDate expiresOn) {
        public static CertificationView of(Certification c) {
            return new CertificationView(c.id, c.organizationId, c.scheme, c.certificateNumber, c.issuer,
                    c.issuedOn, c.expiresOn);
        }
    }
}
