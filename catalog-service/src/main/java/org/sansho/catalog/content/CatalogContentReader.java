package org.sansho.catalog.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.sansho.catalog.guidelines.domain.Mapping;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
                    files.put(key, version(key, read("versions/" + key + ".yaml",
                            CatalogContent.VersionDocument.class)));
                }
            }
        }
        CatalogContent.MappingsFile mappingsFile = read("mappings.yaml", CatalogContent.MappingsFile.class);
        List<Mapping> mappings = new ArrayList<>(mappingsFile.mappings());
        for (String included : mappingsFile.include()) {
            CatalogContent.MappingsFile file = read(included, CatalogContent.MappingsFile.class);
            if (!file.include().isEmpty()) {
                throw new CatalogContentException(List.of(BASE + included + ": an included mappings file includes no others"));
            }
            mappings.addAll(file.mappings());
        }
        return new CatalogContent(guidelines, files, List.copyOf(mappings),
                read("threats.yaml", CatalogContent.ThreatsFile.class).threats(),
                read("disclosure-templates.yaml", CatalogContent.TemplatesFile.class).templates());
    }

    /** Reads one single-file version's text (for content checks of edited copies). */
    public CatalogContent.VersionFile readVersion(String name, String text) {
        CatalogContent.VersionDocument document =
                parse(name, () -> yaml.readValue(text, CatalogContent.VersionDocument.class));
        return new CatalogContent.VersionFile(document.guideline(), document.version(), List.of(
                new CatalogContent.Part(null, null, document.pageWalk(), document.sections())));
    }

    /**
     * A version from its file: its own sections as one part, then each part file it names, in order, read from
     * {@code versions/<guideline>/<version>/<part>.yaml}. A part file names its guideline, version and part.
     */
    private CatalogContent.VersionFile version(String key, CatalogContent.VersionDocument document) {
        List<CatalogContent.Part> parts = new ArrayList<>();
        if (!document.sections().isEmpty() || document.parts().isEmpty()) {
            parts.add(new CatalogContent.Part(null, null, document.pageWalk(), document.sections()));
        }
        for (String name : document.parts()) {
            String path = "versions/" + key + "/" + name + ".yaml";
            CatalogContent.PartDocument part = read(path, CatalogContent.PartDocument.class);
            if (!name.equals(part.part()) || !key.equals(CatalogContent.fileKey(part.guideline(), part.version()))) {
                throw new CatalogContentException(List.of(BASE + path + ": must name guideline " + key.split("/")[0]
                        + ", version " + document.version() + " and part " + name + " inside"));
            }
            parts.add(new CatalogContent.Part(name, part.title(), part.pageWalk(), part.sections()));
        }
        return new CatalogContent.VersionFile(document.guideline(), document.version(), parts);
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
