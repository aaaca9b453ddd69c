package org.sansho.catalog.content;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SHA-256 of the bundled content: every file under {@code catalog/}, each with its path, in the order of their
 * paths. Reading it takes a few milliseconds, where reading and checking the content takes a few hundred: a start
 * compares it with the digest of the content last loaded ({@link CatalogSeedLoader#loadIfChanged}).
 */
public final class CatalogContentDigest {

    private CatalogContentDigest() {
    }

    /** The bundled content's digest, or empty when its files cannot be listed (the content is then always read). */
    public static Optional<String> ofBundledContent() {
        URL anchor = Thread.currentThread().getContextClassLoader()
                .getResource(CatalogContentReader.BASE + "guidelines.yaml");
        if (anchor == null) {
            return Optional.empty();
        }
        try {
            Map<String, byte[]> files = switch (anchor.getProtocol()) {
                case "jar" -> inJar(anchor);
                case "file" -> inDirectory(Path.of(anchor.toURI()).getParent());
                default -> null;
            };
            return files == null || files.isEmpty() ? Optional.empty() : Optional.of(of(files));
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The digest of {@code files} (path → bytes): a path and its bytes both count, so a renamed file differs. */
    static String of(Map<String, byte[]> files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        new TreeMap<>(files).forEach((path, bytes) -> {
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Map<String, byte[]> inJar(URL anchor) throws IOException, URISyntaxException {
        // The connection only parses the URL here ("jar:<jar's URL>!/catalog/…"); the jar is opened by its path.
        URL jarFile = ((JarURLConnection) anchor.openConnection()).getJarFileURL();
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = new JarFile(Path.of(jarFile.toURI()).toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!entry.isDirectory() && entry.getName().startsWith(CatalogContentReader.BASE)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> inDirectory(Path base) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = base.relativize(file).toString().replace('\\', '/');
                files.put(CatalogContentReader.BASE + relative, Files.readAllBytes(file));
            }
        }
        return files;
    }
}
