package org.sansho.webhook.subscriptions.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a webhook may be sent. The receiver's URL comes from a subscriber, so it must not point the service at its
 * own network (server-side request forgery, Standard Webhooks "SSRF"): only {@code https} to a public address. The
 * tests and the local suite also need {@code http://localhost}: with {@code allowLoopback} the loopback addresses
 * (and {@code http}) are allowed; private, link-local, unique-local, shared (CGNAT), multicast and unspecified
 * addresses never are. The name is checked when the endpoint is saved and its resolved addresses before every
 * attempt ({@link #refusal(InetAddress)}), so a name that later resolves to an internal address is not followed.
 */
public record EndpointAddress(URI uri) {

    public static final int MAX_LENGTH = 2000;

    /** An address or URL the policy refuses; the message says why, for the subscriber. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public static EndpointAddress parse(String url, boolean allowLoopback) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw new Refused("must be an absolute https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        boolean loopbackName = isLoopbackName(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowLoopback)) {
            throw new Refused("must use https");
        }
        if (loopbackName && !allowLoopback) {
            throw new Refused("must not point at this machine (loopback)");
        }
        InetAddress literal = literal(host);
        if (literal != null) {
            String refusal = refusal(literal, allowLoopback);
            if (refusal != null) {
                throw new Refused(refusal);
            }
        } else if (!host.contains(".") && !loopbackName) {
            throw new Refused("must name a fully qualified host");
        }
        if (scheme.equals("http") && !loopbackName && (literal == null || !literal.isLoopbackAddress())) {
            throw new Refused("must use https (http only for loopback)");
        }
        return new EndpointAddress(uri);
    }

    /** Why an address (resolved or literal) may not be sent to, or null when it may. */
    public static String refusal(InetAddress a, boolean allowLoopback) {
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "must not point at this machine (loopback)";
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return "must be a unicast address";
        }
        if (a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
            return "must not point at a private or link-local address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0
                    && (b[2] & 0xff) == 0) || first >= 240 || (first == 198 && (second == 18 || second == 19))) {
                return "must not point at a reserved or shared address";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "must not point at a unique-local address";
            }
        }
        return null;
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    /** The host as an IP address when it is written as one (no name is resolved here). */
    private static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.matches("[0-9.]+");
        boolean v6 = h.contains(":");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (java.net.UnknownHostException e) {
            throw new Refused("is not a valid address");
        }
    }
}
