package org.sansho.webhook.subscriptions.domain;

import java.util.regex.Pattern;

/**
 * An event type an endpoint subscribes to: a CloudEvents type of the suite ({@code org.sansho.contract.created.v1}),
 * a prefix of whole segments ending in {@code .*} ({@code org.sansho.contract.*} is every contract event,
 * {@code org.sansho.*} every event), or {@code *}. Segments are lower-case letters, digits and dashes, as in every
 * type the suite publishes; a wildcard stands only for whole trailing segments.
 */
public record EventTypePattern(String text) {

    public static final int MAX_LENGTH = 200;
    /** The shape of a pattern, also declared on the API's bodies. */
    public static final String REGEX = "\\*|[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*(\\.\\*)?";
    private static final Pattern SHAPE = Pattern.compile(REGEX);

    public EventTypePattern {
        if (text == null || text.length() > MAX_LENGTH || !SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException("not an event type or a pattern ending in .*: " + text);
        }
    }

    public static boolean valid(String text) {
        return text != null && text.length() <= MAX_LENGTH && SHAPE.matcher(text).matches();
    }

    public boolean matches(String type) {
        if (type == null) {
            return false;
        }
        if (text.equals("*")) {
            return true;
        }
        if (text.endsWith(".*")) {
            return type.startsWith(text.substring(0, text.length() - 1));
        }
        return text.equals(type);
    }
}
