package org.sansho.platform.audit;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The digest of a representation: SHA-256 of its JSON with object keys sorted at every level and no
 * whitespace, so that the same state always has the same digest whatever order a mapper writes fields in.
 * The canonical text is streamed into the digest, never held whole: a record of a 5,000-requirement import would
 * otherwise need tens of megabytes of heap for a string that only its hash outlives.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** @return the hex digest, or null for no representation (before a create, after a removal) */
    public static String digest(ObjectMapper mapper, Object representation) {
        if (representation == null) {
            return null;
        }
        MessageDigest sha256 = AuditRow.newSha256();
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new DigestOutputStream(OutputStream.nullOutputStream(), sha256), StandardCharsets.UTF_8), 8192)) {
            write(mapper.valueToTree(representation), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        try {
            write(node, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode node, Appendable out) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                quoted(fields.get(i).getKey(), out);
                out.append(':');
                write(fields.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            quoted(node.textValue(), out);
        } else {
            out.append(node.toString());
        }
    }

    /**
     * A string as JSON writes it: quoted, with the escapes of Jackson's generator (the same text as
     * {@code TextNode.toString()}, without a generator per string: most of a representation is strings).
     */
    private static void quoted(String text, Appendable out) throws IOException {
        out.append('"').append(CharBuffer.wrap(JsonStringEncoder.getInstance().quoteAsString(text))).append('"');
    }
}
