package org.sansho.platform.rest;

import org.sansho.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Query parameters with a closed vocabulary (an enum), read the same way in every service: a value outside it is a
 * 400 problem that names the parameter and the allowed values, never JAX-RS's bare 404 for a failed conversion. A
 * resource takes the parameter as text and calls {@link #one} or {@link #all}; an enum-typed {@code @QueryParam} is
 * converted through {@link #one} as well ({@link EnumQueryParameters}).
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** Every value of a repeated or comma-separated parameter ({@code ?phase=A&phase=B}, {@code ?phase=A,B}). */
    public static <E extends Enum<E>> Set<E> all(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    result.add(one(name, part.trim(), type));
                }
            }
        }
        return result;
    }

    /** The value of a single parameter; null when it is absent or blank. */
    public static <E extends Enum<E>> E one(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants())
                    + " but was '" + (value.length() > 50 ? value.substring(0, 50) + "…" : value) + "'");
        }
    }
}
