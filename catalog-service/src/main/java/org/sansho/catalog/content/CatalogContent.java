package org.sansho.catalog.content;

import org.sansho.catalog.guidelines.domain.Audience;
import org.sansho.catalog.guidelines.domain.DisclosureTemplate;
import org.sansho.catalog.guidelines.domain.Issuer;
import org.sansho.catalog.guidelines.domain.LocalizedText;
import org.sansho.catalog.guidelines.domain.Mapping;
import org.sansho.catalog.guidelines.domain.Requirement;
import org.sansho.catalog.guidelines.domain.Threat;
import org.sansho.catalog.guidelines.domain.VersionStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The catalog's content files (src/main/resources/catalog, see its README.md) as read, before validation. */
public record CatalogContent(List<GuidelineEntry> guidelines, Map<String, VersionFile> versionFiles,
                             List<Mapping> mappings, List<Threat> threats, List<DisclosureTemplate> templates) {

    /** Key of {@link #versionFiles()}: {@code <guideline-id>/<version>}. */
    public static String fileKey(String guidelineId, String version) {
        return guidelineId + "/" + version;
    }

    public record GuidelinesFile(List<GuidelineEntry> guidelines) {
    }

    public record GuidelineEntry(String id, Issuer issuer, Audience audience, LocalizedText title,
                                 List<VersionEntry> versions) {
        public GuidelineEntry {
            versions = versions == null ? List.of() : versions;
        }
    }

    public record VersionEntry(String version, LocalDate publishedOn, VersionStatus status,
                               List<LineageRef> supersedes, SourceDocument source, LocalizedText notes,
                               boolean content) {
        public VersionEntry {
            supersedes = supersedes == null ? List.of() : supersedes;
        }
    }

    public record LineageRef(String guideline, String version) {
    }

    public record SourceDocument(String title, String url) {
    }

    /**
     * One version's content as read: its parts in order (one part when the version is a single file; the official
     * parts of a guideline, e.g. MHLW 6.0's 経営管理編, 企画管理編 and システム運用編, when it is split into part files).
     */
    public record VersionFile(String guideline, String version, List<Part> parts) {
        public VersionFile {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        /** A version held in one file, without a page walk. */
        public static VersionFile of(String guideline, String version, List<SectionEntry> sections) {
            return new VersionFile(guideline, version, List.of(new Part(null, null, List.of(), sections)));
        }

        public List<SectionEntry> sections() {
            return parts.stream().flatMap(p -> p.sections().stream()).toList();
        }

        public List<Requirement> requirements() {
            return parts.stream().flatMap(p -> p.requirements().stream()).toList();
        }
    }

    /**
     * A part of a version: its name (null for a version held in one file), title, the record of which pages of the
     * source were looked for ({@link PageWalk}), and its sections.
     */
    public record Part(String name, LocalizedText title, List<PageWalk> pageWalk, List<SectionEntry> sections) {
        public Part {
            pageWalk = pageWalk == null ? List.of() : List.copyOf(pageWalk);
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        public List<Requirement> requirements() {
            return sections.stream().flatMap(s -> s.requirements().stream().map(r -> r.inSection(s.number()))).toList();
        }
    }

    /**
     * Which pages of one source document were looked for while checking a part: those whose text was found and
     * read, and those that could not be retrieved. Kept so that the next check starts where this one stopped.
     */
    public record PageWalk(String document, String title, List<Integer> found, List<Integer> notFound, String note) {
        public PageWalk {
            found = found == null ? List.of() : List.copyOf(found);
            notFound = notFound == null ? List.of() : List.copyOf(notFound);
        }
    }

    /** A version file as written: sections of its own, or the names of its part files ({@code <version>/<part>.yaml}). */
    public record VersionDocument(String guideline, String version, List<String> parts, List<PageWalk> pageWalk,
                                  List<SectionEntry> sections) {
        public VersionDocument {
            parts = parts == null ? List.of() : parts;
            sections = sections == null ? List.of() : sections;
        }
    }

    /** A part file as written. */
    public record PartDocument(String guideline, String version, String part, LocalizedText title,
                               List<PageWalk> pageWalk, List<SectionEntry> sections) {
    }

    public record SectionEntry(String number, String parent, LocalizedText title, List<Requirement> requirements) {
        public SectionEntry {
            requirements = requirements == null ? List.of() : requirements;
        }
    }

    /** mappings.yaml: mappings of its own, and further mapping files it includes (paths under catalog/). */
    public record MappingsFile(List<String> include, List<Mapping> mappings) {
        public MappingsFile {
            include = include == null ? List.of() : include;
            mappings = mappings == null ? List.of() : mappings;
        }
    }

    public record ThreatsFile(List<Threat> threats) {
    }

    public record TemplatesFile(List<DisclosureTemplate> templates) {
    }
}
