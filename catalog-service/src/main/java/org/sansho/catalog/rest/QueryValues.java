package org.sansho.catalog.rest;

import org.sansho.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses enum query parameters (repeated, or comma-separated) so that a wrong value is a 400 problem naming the
 * parameter and the allowed values (JAX-RS would answer a failed query-parameter conversion with a 404).
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
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
