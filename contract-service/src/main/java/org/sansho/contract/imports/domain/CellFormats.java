package org.sansho.contract.imports.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a list-valued field is written in one cell, the same way on export and import: entries separated by
 * {@code ;} (on import also '、' or a line break).
 * <ul>
 *   <li>baseline: {@code guidelineId@version}, e.g. {@code mhlw-medical-information-security@6.0}</li>
 *   <li>data location: {@code country:region:jurisdiction}, jurisdiction {@code domestic} / {@code foreign} (also
 *       国内 / 国外), e.g. {@code JP:Tokyo:domestic}; the region may be empty ({@code US::foreign})</li>
 * </ul>
 */
public final class CellFormats {

    public static final String SEPARATOR = ";";

    private CellFormats() {
    }

    /** A guideline version of a baseline cell. */
    public record BaselineEntry(String guidelineId, String version) {
    }

    /** A storage location of a data-locations cell (2省GL 表4-1: where, and whether Japanese law applies). */
    public record LocationEntry(String country, String region, boolean domesticJurisdiction) {
    }

    public static List<BaselineEntry> baseline(ImportRow row, String column) {
        List<BaselineEntry> entries = new ArrayList<>();
        for (String entry : row.list(column)) {
            int at = entry.lastIndexOf('@');
            if (at <= 0 || at == entry.length() - 1) {
                row.problem(column, "'" + entry + "' is not guidelineId@version");
                continue;
            }
            entries.add(new BaselineEntry(entry.substring(0, at).strip(), entry.substring(at + 1).strip()));
        }
        return entries;
    }

    public static String baseline(List<BaselineEntry> entries) {
        return String.join(SEPARATOR, entries.stream().map(e -> e.guidelineId() + "@" + e.version()).toList());
    }

    public static List<LocationEntry> locations(ImportRow row, String column) {
        List<LocationEntry> entries = new ArrayList<>();
        for (String entry : row.list(column)) {
            String[] parts = entry.split("[:：]", -1);
            if (parts.length != 3) {
                row.problem(column, "'" + entry + "' is not country:region:domestic|foreign");
                continue;
            }
            Boolean domestic = switch (parts[2].strip().toLowerCase(Locale.ROOT)) {
                case "domestic", "国内", "true" -> true;
                case "foreign", "国外", "海外", "false" -> false;
                default -> null;
            };
            if (domestic == null) {
                row.problem(column, "'" + entry + "': the jurisdiction is domestic or foreign");
                continue;
            }
            String region = parts[1].strip();
            entries.add(new LocationEntry(parts[0].strip(), region.isEmpty() ? null : region, domestic));
        }
        return entries;
    }

    public static String locations(List<LocationEntry> entries) {
        return String.join(SEPARATOR, entries.stream().map(e -> e.country() + ":"
                + (e.region() == null ? "" : e.region()) + ":" + (e.domesticJurisdiction() ? "domestic" : "foreign"))
                .toList());
    }
}
