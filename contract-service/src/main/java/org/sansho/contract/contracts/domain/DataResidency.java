package org.sansho.contract.contracts.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Data residency (2省GL §4.1 表4-1, first item; PPC FAQ Q4-31): the equipment that keeps medical information must
 * be where Japanese law applies. The rule is checked, not only disclosed, for a contract that covers records the
 * institution must keep by law ({@link DataCategory#LEGAL_RETENTION_RECORDS}) or whose SLA names a data region:
 * every storage location the vendor registered for the service must be in Japan and under Japanese jurisdiction.
 * A hospital may accept a foreign location only by recording a documented exception (reason and approver).
 */
public final class DataResidency {

    public static final String GUARD = "data-residency";
    public static final String RULE = "2省GL §4.1 表4-1";

    /** A storage location as the vendor registered it. */
    public record Location(String country, String region, boolean domesticJurisdiction) {

        /** In Japan and declared subject to Japanese law; a place abroad is not, whatever its declaration. */
        public boolean underJapaneseLaw() {
            return domesticJurisdiction && "JP".equalsIgnoreCase(country);
        }

        String describe() {
            return country + (region == null || region.isBlank() ? "" : "/" + region)
                    + (domesticJurisdiction ? "" : " (not under Japanese jurisdiction)");
        }
    }

    private DataResidency() {
    }

    /** Whether the rule applies to a contract with these data categories and this SLA data region. */
    public static boolean applies(List<DataCategory> categories, String slaDataRegion) {
        return (categories != null && categories.contains(DataCategory.LEGAL_RETENTION_RECORDS))
                || (slaDataRegion != null && !slaDataRegion.isBlank());
    }

    /**
     * The failures of the rule: one per registered location outside Japanese jurisdiction, none when the rule does
     * not apply or a documented exception is recorded.
     */
    public static List<GuardFailure> check(List<DataCategory> categories, String slaDataRegion,
                                           List<Location> locations, ResidencyException exception) {
        if (!applies(categories, slaDataRegion) || exception != null) {
            return List.of();
        }
        List<GuardFailure> failures = new ArrayList<>();
        for (Location location : locations == null ? List.<Location>of() : locations) {
            if (!location.underJapaneseLaw()) {
                failures.add(new GuardFailure(GUARD, RULE, "the service keeps data at " + location.describe()
                        + "; information covered by a legal retention duty or a named data region must be stored "
                        + "where Japanese law applies, unless the hospital records a documented exception / "
                        + "法定保存義務のある情報等は日本の法令が及ぶ場所に保存する（例外は理由と承認者を記録）"));
            }
        }
        return List.copyOf(failures);
    }
}
