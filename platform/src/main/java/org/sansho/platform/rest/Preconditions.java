package org.sansho.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import org.sansho.platform.problem.ProblemException;

/**
 * ETag / If-Match handling for optimistic concurrency over HTTP: the entity tag of a record is its version.
 * An update without If-Match is 428; one whose tag is stale is 412.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the client claims to update, checked against the current one. */
    public static long requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "This update needs an If-Match header with the record's current ETag");
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return currentVersion;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        long expected;
        try {
            expected = Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " is not an ETag of this record");
        }
        if (expected != currentVersion) {
            throw ProblemException.preconditionFailed("The record has changed (current ETag \"" + currentVersion
                    + "\", If-Match " + ifMatch + "); read it again and retry");
        }
        return expected;
    }
}
