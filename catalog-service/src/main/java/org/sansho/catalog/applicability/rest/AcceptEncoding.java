package org.sansho.catalog.applicability.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Whether a client takes a gzip-encoded answer ({@code Accept-Encoding}, RFC 9110 §12.5.3), and the encoding
 * itself. A large checklist is kept compressed beside its plain form and sent compressed to the clients that ask
 * for it, so it is compressed once per publication rather than once per request.
 */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** True when {@code header} names gzip (or {@code *}) with a non-zero quality. */
    static boolean gzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] fields = part.trim().split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < fields.length; i++) {
                String parameter = fields[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (quality > 0) {
                return true;
            }
        }
        return false;
    }

    static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
