package org.sansho.contract.imports.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.imports.domain.CellFormats;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.platform.security.Caller;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows an export holds, in the columns of the import ({@link ImportKind}), so that an exported file imports back
 * unchanged. Only what the caller may read: the platform's tenant filter applies to every query here (organizations
 * it sees, their services, contracts it is a party to). A contract's external reference is the hospital's own key and
 * is shown to the hospital only.
 */
@ApplicationScoped
public class ExportService {

    public List<List<String>> rows(ImportKind kind, Caller caller) {
        UUID tenant = caller.requireOrganization();
        List<Organization> organizations = Organization.list("order by kind, corporateNumber, id");
        return switch (kind) {
            case ORGANIZATIONS -> organizations.stream().map(o -> row(o.corporateNumber, o.kind.name(), o.nameJa,
                    o.nameEn, o.id.toString())).toList();
            case SERVICES -> {
                Map<UUID, String> numbers = numbers(organizations);
                yield VendorService.<VendorService>list("order by organizationId, name, id").stream()
                        .filter(s -> numbers.containsKey(s.organizationId))
                        .map(s -> row(numbers.get(s.organizationId), s.name, s.serviceModel.name(),
                                CellFormats.locations(s.dataLocations.stream().map(l -> new CellFormats.LocationEntry(
                                        l.country(), l.region(), l.domesticJurisdiction())).toList()),
                                s.id.toString()))
                        .toList();
            }
            case CONTRACTS -> {
                Map<UUID, String> numbers = numbers(organizations);
                Map<UUID, String> services = new HashMap<>();
                VendorService.<VendorService>list("order by id").forEach(s -> services.put(s.id, s.name));
                yield Contract.<Contract>list("order by createdAt, id").stream()
                        .map(c -> contract(c, tenant, numbers, services)).toList();
            }
        };
    }

    private static List<String> contract(Contract c, UUID tenant, Map<UUID, String> numbers,
                                         Map<UUID, String> services) {
        SlaTerms sla = c.sla == null ? new SlaTerms(null, null, null, null, null, null, null, null, null) : c.sla;
        return row(c.hospitalId.equals(tenant) ? c.externalReference : null, numbers.get(c.vendorId),
                services.get(c.serviceId), c.title,
                CellFormats.baseline(c.baseline.stream()
                        .map(v -> new CellFormats.BaselineEntry(v.guidelineId(), v.version())).toList()),
                String.join(CellFormats.SEPARATOR, c.dataCategories.stream().map(DataCategory::name).toList()),
                c.startDate.toString(), c.endDate.toString(), Boolean.toString(c.autoRenewal),
                Integer.toString(c.hospitalNoticeDays), Integer.toString(c.vendorNoticeDays), text(c.renewalMonths),
                sla.availabilityPercent() == null ? null : sla.availabilityPercent().toPlainString(),
                text(sla.rtoHours()), text(sla.rpoHours()), text(sla.incidentNotificationHours()),
                text(sla.plannedOutageNoticeDays()), sla.supportHours(), text(sla.backupGenerations()),
                text(sla.offlineBackupCopy()), sla.dataRegion(), c.id.toString(), c.state.name());
    }

    private static Map<UUID, String> numbers(List<Organization> organizations) {
        Map<UUID, String> numbers = new HashMap<>();
        organizations.forEach(o -> numbers.put(o.id, o.corporateNumber));
        return numbers;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> row(String... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
