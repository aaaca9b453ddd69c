package org.sansho.contract.imports.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.ResidencyRefusedException;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.contracts.rest.NewContract;
import org.sansho.contract.contracts.rest.SlaBody;
import org.sansho.contract.contracts.rest.TermBody;
import org.sansho.contract.contracts.rest.VersionRefBody;
import org.sansho.contract.contracts.service.AmendContract;
import org.sansho.contract.contracts.service.ContractService;
import org.sansho.contract.contracts.service.OpenContract;
import org.sansho.contract.imports.domain.CellFormats;
import org.sansho.contract.imports.domain.HeaderTable;
import org.sansho.contract.imports.domain.ImportKind;
import org.sansho.contract.imports.domain.ImportReport;
import org.sansho.contract.imports.domain.ImportRow;
import org.sansho.contract.imports.domain.ImportTally;
import org.sansho.contract.imports.domain.RowOutcome;
import org.sansho.contract.imports.domain.SheetContent;
import org.sansho.contract.organizations.domain.OrganizationKind;
import org.sansho.contract.organizations.domain.ServiceModel;
import org.sansho.contract.organizations.persistence.Organization;
import org.sansho.contract.organizations.persistence.VendorService;
import org.sansho.contract.organizations.rest.DataLocationBody;
import org.sansho.contract.organizations.rest.NewOrganization;
import org.sansho.contract.organizations.rest.NewService;
import org.sansho.contract.organizations.service.AddService;
import org.sansho.contract.organizations.service.OrganizationService;
import org.sansho.contract.organizations.service.RegisterOrganization;
import org.sansho.platform.audit.AuditTrail;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.security.Caller;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Imports organizations, vendor services and contracts from sheets, through the same services and rules as the
 * single-record API: {@link OrganizationService#register}, {@link OrganizationService#addService},
 * {@link ContractService#open} and {@link ContractService#amend}, each row validated with the constraints of the
 * API's request bodies. Rows are matched to what exists, so that importing the same rows again changes nothing:
 * organizations by 法人番号, services by vendor and name, contracts by the hospital's external reference (or the
 * contract id an export gives).
 *
 * <p>All or nothing: the whole import runs in the caller's one transaction. A dry run does everything and then rolls
 * the transaction back, so its report is exactly what the real run would do; a real run with any problem throws
 * a 422 problem carrying the report, which rolls back every row written before it.
 */
@ApplicationScoped
public class BulkImportService {

    /** Managed records are flushed and let go after this many rows, so that a long import stays linear. */
    private static final int CLEAR_EVERY = 200;
    /** External references looked up per query when a contracts sheet is read. */
    private static final int REFERENCES_PER_QUERY = 1000;
    private static final int MAX_REFERENCE = 100;

    private final EntityManager em;
    private final OrganizationService organizations;
    private final ContractService contracts;
    private final Validator validator;
    private final AuditTrail audit;

    public BulkImportService(EntityManager em, OrganizationService organizations, ContractService contracts,
                             Validator validator, AuditTrail audit) {
        this.audit = audit;
        this.em = em;
        this.organizations = organizations;
        this.contracts = contracts;
        this.validator = validator;
    }

    /** Runs the import in the current transaction; see the class comment for dry and real runs. */
    public ImportReport run(List<SheetContent> sheets, boolean dryRun, Caller caller) {
        UUID tenant = caller.requireOrganization();
        ImportTally tally = new ImportTally();
        Run run = new Run(tenant, caller);
        // The rows' audit records are inserted a few hundred per statement rather than one each; the batch is
        // closed (its last records inserted) before the dry run's flush and before the commit.
        try (AuditTrail.Batch ignored = audit.batch()) {
            rows(sheets, tally, run);
        }
        ImportReport report = tally.report(dryRun);
        if (dryRun) {
            em.flush();
            QuarkusTransaction.setRollbackOnly();
        } else if (!report.valid()) {
            throw refused(report);
        }
        return report;
    }

    /** Every row of every sheet, in order, through the rules of its kind. */
    private void rows(List<SheetContent> sheets, ImportTally tally, Run run) {
        for (SheetContent sheet : sheets) {
            tally.sheet(sheet.kind());
            HeaderTable headers = HeaderTable.of(sheet.kind(), sheet.headers());
            if (!headers.problems().isEmpty()) {
                // A header row the import cannot read makes every row unreadable: the file is refused as a whole.
                throw ProblemException.badRequest("The header row of " + sheet.kind().sheetName() + " names "
                        + "columns the import does not know or misses required ones", headers.problems().stream()
                        .map(p -> new Problem.FieldError(p.sheet() + "[1]" + (p.column() == null ? ""
                                : "." + p.column()), p.problem())).toList());
            }
            if (sheet.kind() == ImportKind.CONTRACTS) {
                run.references(sheet, headers);
            }
            Map<String, Integer> keys = new HashMap<>();
            int done = 0;
            for (SheetContent.Line line : sheet.lines()) {
                if (sheet.kind() == ImportKind.CONTRACTS && done % CLEAR_EVERY == 0) {
                    run.prefetch(sheet.lines().subList(done, Math.min(sheet.lines().size(), done + CLEAR_EVERY)),
                            headers);
                }
                ImportRow row = new ImportRow(sheet.kind(), line.number(), headers.values(line.cells()));
                Result result = switch (sheet.kind()) {
                    case ORGANIZATIONS -> run.organization(row, keys);
                    case SERVICES -> run.service(row, keys);
                    case CONTRACTS -> run.contract(row, keys);
                };
                if (result == null || row.hasProblems()) {
                    tally.refused(sheet.kind(), row.problems());
                } else {
                    tally.outcome(sheet.kind(), row.number(), result.key(), result.outcome());
                }
                if (++done % CLEAR_EVERY == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
    }

    /** The 422 of a real run with problems: every problem as a field error, and the report. */
    public static ProblemException refused(ImportReport report) {
        List<Problem.FieldError> errors = report.problems().stream().limit(1000)
                .map(p -> new Problem.FieldError(p.sheet() + "[" + p.row() + "]"
                        + (p.column() == null ? "" : "." + p.column()), p.problem())).toList();
        return new ProblemException(new Problem(URI.create(ProblemException.TYPE_BASE + "import-refused"),
                "Import refused", 422, report.problems().size() + " problem(s) in the rows; nothing was imported / "
                + "行に問題があるため、何も取り込んでいません", null, errors, List.of(), Map.of("report", report)));
    }

    private record Result(String key, RowOutcome outcome) {
    }

    /** The state of one import: the caller and the look-ups already made. */
    private final class Run {
        private final UUID tenant;
        private final Caller caller;
        private final Map<String, Optional<UUID>> vendors = new HashMap<>();
        /** Services by vendor and name, as {@link #service} found them: the ids of those with the name. */
        private final Map<List<Object>, List<UUID>> services = new HashMap<>();
        /** The hospital's contracts by the external references the contracts sheet names ({@link #references}). */
        private final Map<String, UUID> referenced = new HashMap<>();

        Run(UUID tenant, Caller caller) {
            this.tenant = tenant;
            this.caller = caller;
        }

        /**
         * Loads the contracts the next rows name (by id or by a reference found by {@link #references}) with one
         * query, so that each row finds its contract in the persistence context instead of loading it alone.
         */
        void prefetch(List<SheetContent.Line> lines, HeaderTable headers) {
            List<UUID> ids = new ArrayList<>();
            for (SheetContent.Line line : lines) {
                ImportRow row = new ImportRow(ImportKind.CONTRACTS, line.number(), headers.values(line.cells()));
                UUID id = row.uuid("id");
                UUID match = id != null ? id : referenced.get(row.verbatim("externalReference"));
                if (match != null) {
                    ids.add(match);
                }
            }
            if (!ids.isEmpty()) {
                em.createQuery("from Contract c where c.id in ?1", Contract.class).setParameter(1, ids)
                        .getResultList();
            }
        }

        /**
         * Finds the hospital's contracts that have the references the sheet names, a thousand references per query,
         * rather than one query per row. A row's contract is then the one found here; a contract the import creates
         * or gives a reference to takes a reference no other row of the file has (each names its own, checked per
         * row), so what is found here stays true for the whole sheet.
         */
        void references(SheetContent sheet, HeaderTable headers) {
            Set<String> wanted = new LinkedHashSet<>();
            for (SheetContent.Line line : sheet.lines()) {
                String reference = new ImportRow(sheet.kind(), line.number(), headers.values(line.cells()))
                        .verbatim("externalReference");
                if (reference != null && reference.length() <= MAX_REFERENCE) {
                    wanted.add(reference);
                }
            }
            List<String> all = List.copyOf(wanted);
            for (int from = 0; from < all.size(); from += REFERENCES_PER_QUERY) {
                List<String> part = all.subList(from, Math.min(all.size(), from + REFERENCES_PER_QUERY));
                em.createQuery("select c.externalReference, c.id from Contract c where c.hospitalId = ?1 "
                                + "and c.externalReference in ?2", Object[].class)
                        .setParameter(1, tenant).setParameter(2, part).getResultList()
                        .forEach(r -> referenced.put((String) r[0], (UUID) r[1]));
            }
        }

        Result organization(ImportRow row, Map<String, Integer> keys) {
            String number = row.text("corporateNumber");
            OrganizationKind kind = organizationKind(row);
            String nameJa = row.required("nameJa");
            String nameEn = row.verbatim("nameEn");
            UUID id = row.uuid("id");
            if (number == null) {
                row.problem("corporateNumber", "required");
            }
            validate(row, new NewOrganization(kind, id, nameJa, nameEn, number, null));
            if (row.hasProblems() || !unique(row, keys, number, "corporateNumber", "法人番号")) {
                return null;
            }
            Organization existing = Organization.<Organization>find("corporateNumber", number).firstResult();
            if (existing == null) {
                return attempt(row, () -> {
                    organizations.register(new RegisterOrganization(kind, id, nameJa, nameEn, number, null), caller);
                    return new Result(number, RowOutcome.CREATED);
                });
            }
            if (existing.kind != kind) {
                row.problem("kind", "the organization with this 法人番号 is a " + existing.kind
                        + "; a registered organization's kind does not change");
            }
            if (id != null && !id.equals(existing.id)) {
                row.problem("id", "the organization with this 法人番号 has the id " + existing.id);
            }
            if (row.hasProblems()) {
                return null;
            }
            if (Objects.equals(existing.nameJa, nameJa) && Objects.equals(existing.nameEn, nameEn)) {
                return new Result(number, RowOutcome.UNCHANGED);
            }
            return attempt(row, () -> organizations.rename(existing.id, nameJa, nameEn, caller)
                    ? new Result(number, RowOutcome.UPDATED) : new Result(number, RowOutcome.UNCHANGED));
        }

        Result service(ImportRow row, Map<String, Integer> keys) {
            String vendorNumber = row.text("vendorCorporateNumber");
            String name = row.required("name");
            ServiceModel model = row.enumValue("serviceModel", ServiceModel.class);
            List<CellFormats.LocationEntry> locations = CellFormats.locations(row, "dataLocations");
            if (vendorNumber == null) {
                row.problem("vendorCorporateNumber", "required");
            }
            if (locations.isEmpty() && row.problems().stream().noneMatch(p -> "dataLocations".equals(p.column()))) {
                row.problem("dataLocations", "required (country:region:domestic|foreign, separated by ';')");
            }
            validate(row, new NewService(name, model, locations.stream().map(l -> new DataLocationBody(l.country(),
                    l.region(), l.domesticJurisdiction())).toList(), null));
            if (row.hasProblems()) {
                return null;
            }
            UUID vendor = vendor(row, vendorNumber);
            String key = vendorNumber + " " + name;
            if (vendor == null || !unique(row, keys, key, "name", "事業者とサービス名")) {
                return null;
            }
            List<VendorService.DataLocation> wanted = locations.stream()
                    .map(l -> new VendorService.DataLocation(l.country(), l.region(), l.domesticJurisdiction()))
                    .toList();
            List<VendorService> existing = VendorService.list("organizationId = ?1 and name = ?2", vendor, name);
            if (existing.size() > 1) {
                row.problem("name", "the vendor has " + existing.size() + " services with this name; "
                        + "the row cannot say which it means");
                return null;
            }
            if (existing.isEmpty()) {
                return attempt(row, () -> {
                    organizations.addService(vendor, new AddService(name, model, wanted, null), caller);
                    services.remove(List.of(vendor, name));
                    return new Result(key, RowOutcome.CREATED);
                });
            }
            VendorService s = existing.get(0);
            if (s.serviceModel != model) {
                row.problem("serviceModel", "the registered service is " + s.serviceModel
                        + "; a registered service does not change (register it under a new name)");
            }
            if (!Objects.equals(s.dataLocations, wanted)) {
                // The residency check of every contract relies on the locations registered with the service
                // (2省GL §4.1 表4-1), so they are fixed at registration.
                row.problem("dataLocations", "the registered service stores data at "
                        + CellFormats.locations(s.dataLocations.stream().map(l -> new CellFormats.LocationEntry(
                        l.country(), l.region(), l.domesticJurisdiction())).toList())
                        + "; a registered service's data locations do not change (register it under a new name)");
            }
            return row.hasProblems() ? null : new Result(key, RowOutcome.UNCHANGED);
        }

        Result contract(ImportRow row, Map<String, Integer> keys) {
            String reference = row.verbatim("externalReference");
            UUID id = row.uuid("id");
            if (reference == null && id == null && row.problems().stream().noneMatch(p -> "id".equals(p.column()))) {
                row.problem("externalReference", "required (or the contract id of an export)");
            }
            if (reference != null && reference.length() > MAX_REFERENCE) {
                row.problem("externalReference", "at most " + MAX_REFERENCE + " characters");
            }
            String vendorNumber = row.text("vendorCorporateNumber");
            String serviceName = row.required("serviceName");
            if (vendorNumber == null) {
                row.problem("vendorCorporateNumber", "required");
            }
            List<VersionRefBody> baseline = CellFormats.baseline(row, "baseline").stream()
                    .map(e -> new VersionRefBody(e.guidelineId(), e.version())).toList();
            List<DataCategory> categories = new ArrayList<>();
            for (String c : row.list("dataCategories")) {
                try {
                    categories.add(DataCategory.valueOf(c.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    row.problem("dataCategories", "'" + c + "' is not one of "
                            + java.util.Arrays.toString(DataCategory.values()));
                }
            }
            TermBody term = new TermBody(row.date("startDate"), row.date("endDate"), row.bool("autoRenewal"),
                    row.integer("hospitalNoticeDays"), row.integer("vendorNoticeDays"), row.integer("renewalMonths"));
            SlaBody sla = new SlaBody(row.decimal("availabilityPercent"), row.integer("rtoHours"),
                    row.integer("rpoHours"), row.integer("incidentNotificationHours"),
                    row.integer("plannedOutageNoticeDays"), row.verbatim("supportHours"),
                    row.integer("backupGenerations"), row.bool("offlineBackupCopy"), row.verbatim("dataRegion"));
            String title = row.required("title");
            if (row.hasProblems()) {
                return null;
            }
            UUID vendor = vendor(row, vendorNumber);
            UUID service = vendor == null ? null : service(row, vendor, serviceName);
            NewContract body = new NewContract(vendor == null ? UUID.randomUUID() : vendor,
                    service == null ? UUID.randomUUID() : service, title, baseline, categories, term, sla, null,
                    null);
            validate(row, body);
            if (term.startDate() != null && term.endDate() != null && !term.endDate().isAfter(term.startDate())) {
                row.problem("endDate", "must be after startDate");
            }
            if (row.hasProblems() || !unique(row, keys, reference != null ? reference : id.toString(),
                    reference != null ? "externalReference" : "id", "外部参照番号 / 契約ID")) {
                return null;
            }
            UUID match = id != null ? id : referenced.get(reference);
            Contract existing = match == null ? null : Contract.findById(match);
            if (id != null && (existing == null || !existing.hospitalId.equals(tenant))) {
                // Another hospital's contract is answered like one that does not exist.
                row.problem("id", "your hospital has no contract with this id");
                return null;
            }
            OpenContract open = body.toCommand();
            if (existing == null) {
                return attempt(row, () -> {
                    // The row has no id here, so it has a reference, and no contract of the hospital has it (looked
                    // up above; the file names it once).
                    contracts.open(open, reference, caller);
                    return new Result(reference, RowOutcome.CREATED);
                });
            }
            if (!existing.vendorId.equals(vendor)) {
                row.problem("vendorCorporateNumber", "the contract is with another vendor; a contract's vendor "
                        + "does not change");
            }
            if (!existing.serviceId.equals(service)) {
                row.problem("serviceName", "the contract is for another service; a contract's service does not "
                        + "change");
            }
            if (reference != null && existing.externalReference != null
                    && !existing.externalReference.equals(reference)) {
                row.problem("externalReference", "the contract's external reference is "
                        + existing.externalReference + "; it does not change");
            }
            if (row.hasProblems()) {
                return null;
            }
            boolean referenced = reference != null && existing.externalReference == null;
            String key = reference != null ? reference : existing.id.toString();
            boolean amended = !sameTerms(existing, open);
            if (!referenced && !amended) {
                return new Result(key, RowOutcome.UNCHANGED);
            }
            UUID contractId = existing.id;
            long version = existing.version;
            return attempt(row, () -> {
                if (amended) {
                    contracts.amend(contractId, "\"" + version + "\"", new AmendContract(open.title(),
                            open.baseline(), open.dataCategories(), open.term(), open.sla(), null, null, null), caller);
                }
                if (referenced) {
                    contracts.assignExternalReference(contractId, reference, caller);
                }
                return new Result(key, RowOutcome.UPDATED);
            });
        }

        private UUID vendor(ImportRow row, String number) {
            Optional<UUID> found = vendors.computeIfAbsent(number, n -> {
                Organization o = Organization.<Organization>find("corporateNumber = ?1 and kind = ?2", n,
                        OrganizationKind.VENDOR).firstResult();
                return Optional.ofNullable(o == null ? null : o.id);
            });
            if (found.isEmpty()) {
                row.problem("vendorCorporateNumber", "no vendor with this 法人番号 is known to your organization "
                        + "(import it on the organizations sheet first)");
            }
            return found.orElse(null);
        }

        private UUID service(ImportRow row, UUID vendor, String name) {
            List<UUID> found = services.computeIfAbsent(List.of(vendor, name), k -> VendorService
                    .<VendorService>list("organizationId = ?1 and name = ?2", vendor, name).stream()
                    .map(s -> s.id).toList());
            if (found.size() != 1) {
                row.problem("serviceName", found.isEmpty() ? "the vendor has no service with this name"
                        : "the vendor has " + found.size() + " services with this name");
                return null;
            }
            return found.get(0);
        }
    }

    /** Whether the row sets nothing the contract does not already have (the terms an amendment could change). */
    private static boolean sameTerms(Contract c, OpenContract row) {
        ContractTerm t = row.term();
        return Objects.equals(c.title, row.title())
                && Objects.equals(c.baseline, row.baseline().stream().distinct().toList())
                && Objects.equals(c.dataCategories, List.copyOf(new LinkedHashSet<>(row.dataCategories())))
                && t.startDate().equals(c.startDate) && t.endDate().equals(c.endDate)
                && t.autoRenewal() == c.autoRenewal && t.hospitalNoticeDays() == c.hospitalNoticeDays
                && t.vendorNoticeDays() == c.vendorNoticeDays && Objects.equals(t.renewalMonths(), c.renewalMonths)
                && sameSla(c.sla, row.sla());
    }

    private static boolean sameSla(SlaTerms a, SlaTerms b) {
        if (a == null) {
            return b == null || b.equals(new SlaTerms(null, null, null, null, null, null, null, null, null));
        }
        return sameDecimal(a.availabilityPercent(), b.availabilityPercent())
                && Objects.equals(a.rtoHours(), b.rtoHours()) && Objects.equals(a.rpoHours(), b.rpoHours())
                && Objects.equals(a.incidentNotificationHours(), b.incidentNotificationHours())
                && Objects.equals(a.plannedOutageNoticeDays(), b.plannedOutageNoticeDays())
                && Objects.equals(a.supportHours(), b.supportHours())
                && Objects.equals(a.backupGenerations(), b.backupGenerations())
                && Objects.equals(a.offlineBackupCopy(), b.offlineBackupCopy())
                && Objects.equals(a.dataRegion(), b.dataRegion());
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static OrganizationKind organizationKind(ImportRow row) {
        String t = row.text("kind");
        if (t == null) {
            row.problem("kind", "required");
            return null;
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "HOSPITAL", "病院", "医療機関" -> OrganizationKind.HOSPITAL;
            case "VENDOR", "事業者", "ベンダー" -> OrganizationKind.VENDOR;
            default -> {
                row.problem("kind", "not HOSPITAL (医療機関) or VENDOR (事業者): '" + t + "'");
                yield null;
            }
        };
    }

    /** Bean validation of the API's request body the row stands for; each violation named by the row's column. */
    private void validate(ImportRow row, Object body) {
        Set<String> reported = new java.util.HashSet<>();
        for (ConstraintViolation<Object> v : validator.validate(body)) {
            String column = column(row.kind(), v.getPropertyPath().toString());
            // A null the row already reported (a cell that did not read as its type) is not reported twice.
            if (v.getInvalidValue() == null && row.problems().stream().anyMatch(p -> Objects.equals(p.column(), column))) {
                continue;
            }
            if (reported.add(column + v.getMessage())) {
                row.problem(column, v.getMessage());
            }
        }
    }

    /** {@code term.startDate} → startDate, {@code baseline[0].version} → baseline: the innermost part with a column. */
    private static String column(ImportKind kind, String path) {
        String[] parts = path.split("[.\\[\\]]+");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            if (kind.columns().stream().anyMatch(c -> c.key().equals(part))) {
                return part;
            }
        }
        return parts.length == 0 ? null : parts[0];
    }

    private static boolean unique(ImportRow row, Map<String, Integer> keys, String key, String column, String what) {
        Integer first = keys.putIfAbsent(key, row.number());
        if (first != null) {
            row.problem(column, "the same " + what + " as row " + first);
            return false;
        }
        return true;
    }

    /** Runs a write of one row; a refusal of the feature's service becomes the row's problems. */
    private static Result attempt(ImportRow row, Supplier<Result> write) {
        try {
            return write.get();
        } catch (ProblemException e) {
            Problem p = e.problem();
            if (p.errors() != null && !p.errors().isEmpty()) {
                p.errors().forEach(f -> row.problem(column(row.kind(), f.field()), f.message()));
            } else {
                row.problem(null, p.detail() == null ? p.title() : p.detail());
            }
            return null;
        } catch (ResidencyRefusedException e) {
            e.failures().forEach(f -> row.problem("dataCategories", f.reason() + " (" + f.rule() + "); a contract "
                    + "that needs a residency exception is opened through POST /api/v1/contracts"));
            return null;
        }
    }
}
