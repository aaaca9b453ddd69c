package org.sansho.platform.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.sansho.platform.problem.ProblemException;

import java.util.function.Supplier;

/**
 * ETag handling over HTTP: the entity tag of a record is its version. An update without If-Match is 428; one
 * whose tag is stale is 412. A read of a record whose representation is its row alone may be conditional
 * ({@link #read}).
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * A read of a versioned record whose representation depends on nothing but its row (so on nothing that can
     * change without its version): 200 with the record and its ETag, or 304 without a body when If-None-Match
     * already names the current version. A vendor portal or a dashboard that polls a contract then pays for the body
     * only when the contract has changed. Private, and revalidated on every use: a shared cache never stores it, a
     * client's own cache asks before it uses what it holds.
     */
    public static Response read(Request request, long version, Supplier<Object> view) {
        EntityTag tag = etag(version);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        cache.setNoTransform(false);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(view.get()).tag(tag).cacheControl(cache).build();
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
