package org.sansho.assessment.assessments.rest;

import org.sansho.platform.problem.ProblemException;

import java.util.Arrays;

/** Query parameters read as text, so that an unknown value is a 400 naming the parameter (not a bare 404). */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
