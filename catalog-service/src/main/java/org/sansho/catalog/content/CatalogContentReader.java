package org.sansho.catalog.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the content files from the classpath ({@code catalog/...}). A version file is read for every version
 * that guidelines.yaml marks {@code content: true}. Unknown properties and values outside the closed
 * vocabularies fail with the file and the path of the offending value.
 */
public final class CatalogContentReader {

    public static final String BASE = "catalog/";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public CatalogContent read() {
        List<CatalogContent.GuidelineEntry> guidelines =
                read("guidelines.yaml", CatalogContent.GuidelinesFile.class).guidelines();
        Map<String, CatalogContent.VersionFile> files = new LinkedHashMap<>();
        for (CatalogContent.GuidelineEntry g : guidelines) {
            for (CatalogContent.VersionEntry v : g.versions()) {
                if (v.content()) {
                    String key = CatalogContent.fileKey(g.id(), v.version());
                    files.put(key, read("versions/" + key + ".yaml", CatalogContent.VersionFile.class));
                }
            }
        }
        return new CatalogContent(guidelines, files,
                read("mappings.yaml", CatalogContent.MappingsFile.class).mappings(),
                read("threats.yaml", CatalogContent.ThreatsFile.class).threats(),
                read("disclosure-templates.yaml", CatalogContent.TemplatesFile.class).templates());
    }

    /** Reads one version file's text (for content checks of edited copies). */
    public CatalogContent.VersionFile readVersion(String name, String text) {
        return parse(name, () -> yaml.readValue(text, CatalogContent.VersionFile.class));
    }

    private <T> T read(String file, Class<T> type) {
        String path = BASE + file;
        return parse(path, () -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new CatalogContentException(List.of(path + ": file is missing"));
                }
                return yaml.readValue(in, type);
            }
        });
    }

    private interface Parse<T> {
        T run() throws IOException;
    }

    private static <T> T parse(String path, Parse<T> parse) {
        try {
            return parse.run();
        } catch (JsonMappingException e) {
            String at = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw new CatalogContentException(List.of(path + ": at " + at + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CatalogContentException(List.of(path + ": cannot be read: " + e.getMessage()));
        }
    }
}
