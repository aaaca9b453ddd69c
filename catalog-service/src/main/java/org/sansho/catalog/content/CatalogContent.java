package org.sansho.catalog.content;

import org.sansho.catalog.guideline.domain.Audience;
import org.sansho.catalog.guideline.domain.DisclosureTemplate;
import org.sansho.catalog.guideline.domain.Issuer;
import org.sansho.catalog.guideline.domain.LocalizedText;
import org.sansho.catalog.guideline.domain.Mapping;
import org.sansho.catalog.guideline.domain.Requirement;
import org.sansho.catalog.guideline.domain.Threat;
import org.sansho.catalog.guideline.domain.VersionStatus;

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

    public record VersionFile(String guideline, String version, List<SectionEntry> sections) {
        public VersionFile {
            sections = sections == null ? List.of() : sections;
        }

        public List<Requirement> requirements() {
            return sections.stream().flatMap(s -> s.requirements().stream().map(r -> r.inSection(s.number()))).toList();
        }
    }

    public record SectionEntry(String number, String parent, LocalizedText title, List<Requirement> requirements) {
        public SectionEntry {
            requirements = requirements == null ? List.of() : requirements;
        }
    }

    public record MappingsFile(List<Mapping> mappings) {
    }

    public record ThreatsFile(List<Threat> threats) {
    }

    public record TemplatesFile(List<DisclosureTemplate> templates) {
    }
}
