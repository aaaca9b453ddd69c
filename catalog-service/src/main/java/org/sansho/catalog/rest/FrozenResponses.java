package org.sansho.catalog.rest;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.sansho.catalog.guidelines.domain.VersionContent;

import java.util.function.Supplier;

/**
 * Answers reads of a guideline version with an ETag of its content, and, when the version is published or
 * superseded (immutable), with Cache-Control; If-None-Match with the same tag gives 304 without a body.
 * The cache lifetime is short because a published version's status still moves to SUPERSEDED.
 */
public final class FrozenResponses {

    private static final int MAX_AGE_SECONDS = 300;

    private FrozenResponses() {
    }

    public static Response ok(Request request, VersionContent version, String variant, Supplier<Object> body) {
        EntityTag tag = new EntityTag(version.etag() + (variant == null || variant.isEmpty() ? ""
                : "-" + Integer.toHexString(variant.hashCode())));
        CacheControl cache = new CacheControl();
        if (version.info().status().frozen()) {
            cache.setMaxAge(MAX_AGE_SECONDS);
        } else {
            cache.setNoCache(true);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cache).build();
        }
        return Response.ok(body.get()).tag(tag).cacheControl(cache).build();
    }
}
