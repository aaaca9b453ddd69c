package org.sansho.contract.organizations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.sansho.contract.organizations.service.OrganizationSnapshots.CertificationSnapshot;
import org.sansho.contract.organizations.service.OrganizationSnapshots.OrganizationSnapshot;
import org.sansho.contract.organizations.service.OrganizationSnapshots.ServiceSnapshot;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.persistence.Certification;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;
import org.sansho.platform.security.Roles;
import org.sansho.platform.tenancy.Tenancy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Registers organizations, vendor services and certifications, and decides who sees and writes them.
 *
 * <p>Tenancy: a caller sees its own organization, the organizations its organization registered, and the
 * counterparts of its contracts ({@link Organization#VISIBLE}, enforced by the platform's tenant filter). A procurement user registers its own hospital (whose id is the caller's
 * organization) and the vendors it deals with; a vendor's services and certifications are written by the vendor
 * itself, or by the procurement organization that registered the vendor (before the vendor has its own access).
 */
@ApplicationScoped
public class OrganizationService {

    private final EntityManager em;

    private final AuditTrail audit;
    private final Clock clock;
    private final OrganizationNames names;

    public OrganizationService(EntityManager em, AuditTrail audit, Clock clock, OrganizationNames names) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.names = names;
    }

    public Organization register(RegisterOrganization request, Caller caller) {
        UUID tenant = caller.requireOrganization();
        UUID id;
        if (request.kind() == OrganizationKind.HOSPITAL) {
            if (request.id() != null && !request.id().equals(tenant)) {
                throw ProblemException.badRequest("id", "a hospital can only be registered as the caller's own "
                        + "organization");
            }
            id = tenant;
        } else {
            id = request.id() == null ? UUID.randomUUID() : request.id();
            if (id.equals(tenant)) {
                throw ProblemException.badRequest("id", "a procurement organization cannot register itself as a vendor");
            }
        }
        // Ids and corporate numbers are unique across every organization, seen or not: checked as system work.
        if (Tenancy.system("organization id uniqueness", () -> Organization.findById(id) != null)) {
            throw ProblemException.conflict("organization-exists", "Organization exists",
                    "An organization with id " + id + " is already registered");
        }
        if (Tenancy.system("corporate number uniqueness",
                () -> Organization.count("corporateNumber", request.corporateNumber()) > 0)) {
            throw ProblemException.conflict("corporate-number-registered", "Corporate number registered",
                    "An organization with corporate number " + request.corporateNumber() + " is already registered");
        }
        Organization o = new Organization();
        o.id = id;
        o.kind = request.kind();
        o.nameJa = request.nameJa();
        o.nameEn = request.nameEn();
        o.corporateNumber = request.corporateNumber();
        o.contacts = request.contacts() == null ? List.of() : List.copyOf(request.contacts());
        o.registeredBy = tenant;
        o.createdBy = caller.subject();
        o.createdAt = clock.instant();
        o.persist();
        em.flush();
        audit.record("organization.registered", "organization", o.id, List.of(o.id, o.registeredBy), null,
                OrganizationSnapshot.of(o));
        return o;
    }

    /**
     * Changes the names of an organization the caller's organization registered (or its own). Its kind, id and
     * 法人番号 stay: they identify it. Answers whether anything changed.
     */
    public boolean rename(UUID id, String nameJa, String nameEn, Caller caller) {
        Organization o = visible(id);
        UUID tenant = caller.requireOrganization();
        if (!caller.hasRole(Roles.PROCUREMENT) || (!o.registeredBy.equals(tenant) && !o.id.equals(tenant))) {
            throw ProblemException.forbidden("Only the organization that registered it changes its names");
        }
        if (java.util.Objects.equals(o.nameJa, nameJa) && java.util.Objects.equals(o.nameEn, nameEn)) {
            return false;
        }
        OrganizationSnapshot before = OrganizationSnapshot.of(o);
        o.nameJa = nameJa;
        o.nameEn = nameEn;
        em.flush();
        // The events published after the rename in this transaction name the organization by its new names.
        names.remember(o);
        audit.record("organization.renamed", "organization", o.id, List.of(o.id, o.registeredBy), before,
                OrganizationSnapshot.of(o));
        return true;
    }

    /**
     * The organization, if it exists and is in the caller's tenancy scope ({@link Organization#VISIBLE}, applied
     * by the platform's tenant filter); otherwise 404, as if it did not exist.
     */
    public Organization visible(UUID id) {
        Organization o = Organization.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Organization", id);
        }
        return o;
    }

    /** The vendor whose services and certifications the caller may write; 404 when it may not see it. */
    public Organization writableVendor(UUID id, Caller caller) {
        Organization o = visible(id);
        UUID tenant = caller.requireOrganization();
        boolean own = caller.hasRole(Roles.VENDOR) && o.id.equals(tenant);
        boolean registered = caller.hasRole(Roles.PROCUREMENT) && o.registeredBy.equals(tenant);
        if (!own && !registered) {
            throw ProblemException.forbidden("Only the vendor itself, or the organization that registered it, "
                    + "records its services and certifications");
        }
        if (o.kind != OrganizationKind.VENDOR) {
            throw ProblemException.conflict("not-a-vendor", "Not a vendor",
                    "Services and certifications belong to vendors; organization " + id + " is a hospital");
        }
        return o;
    }

    public VendorService addService(UUID organizationId, AddService request, Caller caller) {
        Organization vendor = writableVendor(organizationId, caller);
        VendorService s = new VendorService();
        s.id = UUID.randomUUID();
        s.organizationId = organizationId;
        s.name = request.name();
        s.serviceModel = request.serviceModel();
        s.dataLocations = List.copyOf(request.dataLocations());
        s.subcontractors = request.subcontractors() == null ? List.of() : List.copyOf(request.subcontractors());
        s.createdBy = caller.subject();
        s.createdAt = clock.instant();
        s.persist();
        audit.record("vendor-service.added", "vendor-service", s.id, List.of(vendor.id, vendor.registeredBy), null,
                ServiceSnapshot.of(s));
        return s;
    }

    public Certification addCertification(UUID organizationId, AddCertification request, Caller caller) {
        Organization vendor = writableVendor(organizationId, caller);
        if (!request.expiresOn().isAfter(request.issuedOn())) {
            throw ProblemException.badRequest("expiresOn", "must be after issuedOn");
        }
        Certification c = new Certification();
        c.id = UUID.randomUUID();
        c.organizationId = organizationId;
        c.scheme = request.scheme();
        c.certificateNumber = request.certificateNumber();
        c.issuer = request.issuer();
        c.issuedOn = request.issuedOn();
        c.expiresOn = request.expiresOn();
        c.createdBy = caller.subject();
        c.createdAt = clock.instant();
        c.persist();
        audit.record("certification.added", "certification", c.id, List.of(vendor.id, vendor.registeredBy), null,
                CertificationSnapshot.of(c));
        return c;
    }
}
