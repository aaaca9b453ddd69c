package org.sansho.contract.imports.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One data row with typed readers of its cells. A cell that does not read as its type records a problem naming the
 * row and the column and reads as null, so that every problem of the row is reported at once.
 */
public final class ImportRow {

    /** Separators of a list in one cell: semicolon, Japanese comma, line break. */
    private static final String LIST_SEPARATORS = "[;；、\\n]";

    private final ImportKind kind;
    private final int number;
    private final Map<String, String> values;
    private final List<RowProblem> problems = new ArrayList<>();

    public ImportRow(ImportKind kind, int number, Map<String, String> values) {
        this.kind = kind;
        this.number = number;
        this.values = values;
    }

    public ImportKind kind() {
        return kind;
    }

    public int number() {
        return number;
    }

    public List<RowProblem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void problem(String column, String message) {
        problems.add(new RowProblem(kind.sheetName(), number, column, message));
    }

    /** The cell's text (NFKC, trimmed), or null when blank. */
    public String text(String column) {
        String v = raw(column);
        if (v == null) {
            return null;
        }
        String t = ImportKind.normalize(v);
        return t.isEmpty() ? null : t;
    }

    /** The cell's text as written (only trimmed): names keep their full-width characters. */
    public String verbatim(String column) {
        String v = raw(column);
        if (v == null || v.strip().isEmpty()) {
            return null;
        }
        return v.replace("\uFEFF", "").strip();
    }

    /**
     * The cell as sent, without the apostrophe an export puts before a leading =, +, -, @ (so that a spreadsheet
     * shows such a text instead of evaluating it).
     */
    private String raw(String column) {
        String v = values.get(column);
        if (v != null && v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            return v.substring(1);
        }
        return v;
    }

    public String required(String column) {
        String t = verbatim(column);
        if (t == null) {
            problem(column, "required");
        }
        return t;
    }

    public Integer integer(String column) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t.replace(",", ""));
        } catch (NumberFormatException e) {
            problem(column, "not a whole number: '" + abbreviate(t) + "'");
            return null;
        }
    }

    public BigDecimal decimal(String column) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t.replace(",", "").replace("%", ""));
        } catch (NumberFormatException e) {
            problem(column, "not a number: '" + abbreviate(t) + "'");
            return null;
        }
    }

    /** true / false, yes / no, 1 / 0, はい / いいえ, 有 / 無, する / しない. */
    public Boolean bool(String column) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "はい", "有", "あり", "する" -> true;
            case "false", "no", "n", "0", "いいえ", "無", "なし", "しない" -> false;
            default -> {
                problem(column, "not true or false: '" + abbreviate(t) + "'");
                yield null;
            }
        };
    }

    /** yyyy-MM-dd, or yyyy/MM/dd as spreadsheets write it. */
    public LocalDate date(String column) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        String iso = t.replace('/', '-');
        String[] parts = iso.split("-");
        if (parts.length == 3 && parts[0].length() == 4) {
            iso = parts[0] + "-" + pad(parts[1]) + "-" + pad(parts[2]);
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            problem(column, "not a date (yyyy-MM-dd): '" + abbreviate(t) + "'");
            return null;
        }
    }

    public UUID uuid(String column) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(t);
            if (!id.toString().equalsIgnoreCase(t)) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            problem(column, "not an id (UUID): '" + abbreviate(t) + "'");
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
        String t = text(column);
        if (t == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            problem(column, "not one of " + Arrays.toString(type.getEnumConstants()) + ": '" + abbreviate(t) + "'");
            return null;
        }
    }

    /** The cell's entries, separated by ';', '、' or line breaks; empty when blank. */
    public List<String> list(String column) {
        String t = verbatim(column);
        if (t == null) {
            return List.of();
        }
        return Arrays.stream(t.split(LIST_SEPARATORS)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String pad(String part) {
        return part.length() == 1 ? "0" + part : part;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
