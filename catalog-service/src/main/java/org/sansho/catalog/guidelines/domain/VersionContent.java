package org.sansho.catalog.guidelines.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole guideline version held in memory: its facts, sections, requirements (in document order) and the
 * mappings that touch its keys. Built once per published version, it answers searches and applicability
 * without the database, because a published version never changes.
 */
public final class VersionContent {

    private final VersionInfo info;
    private final List<Section> sections;
    private final List<Requirement> requirements;
    private final List<String> searchTexts;
    private final List<RequirementFilter.Bits> bits;
    private final Map<String, Requirement> byKey;
    private final Map<String, List<Mapping>> mappingsByKey;
    private final String etag;

    public VersionContent(VersionInfo info, List<Section> sections, List<Requirement> requirements,
                          List<Mapping> mappings, String etag) {
        this.info = info;
        this.sections = List.copyOf(sections);
        this.requirements = List.copyOf(requirements);
        this.searchTexts = requirements.stream().map(RequirementFilter::searchText).toList();
        this.bits = requirements.stream().map(RequirementFilter.Bits::of).toList();
        Map<String, Requirement> keys = new LinkedHashMap<>();
        requirements.forEach(r -> keys.put(r.key(), r));
        this.byKey = Map.copyOf(keys);
        Map<String, List<Mapping>> touching = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            if (keys.containsKey(m.from())) {
                touching.computeIfAbsent(m.from(), k -> new ArrayList<>()).add(m);
            }
            if (keys.containsKey(m.to()) && !m.to().equals(m.from())) {
                touching.computeIfAbsent(m.to(), k -> new ArrayList<>()).add(m);
            }
        }
        touching.replaceAll((k, v) -> List.copyOf(v));
        this.mappingsByKey = Map.copyOf(touching);
        this.etag = etag;
    }

    public VersionInfo info() {
        return info;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Requirement> requirements() {
        return requirements;
    }

    public Optional<Requirement> requirement(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public List<Mapping> mappings(String key) {
        return mappingsByKey.getOrDefault(key, List.of());
    }

    /** All mappings touching this version's keys, each once. */
    public List<Mapping> mappings() {
        return mappingsByKey.values().stream().flatMap(List::stream).distinct().toList();
    }

    public String etag() {
        return etag;
    }

    public List<Requirement> select(RequirementFilter filter) {
        List<Requirement> selected = new ArrayList<>();
        RequirementFilter.Matcher matcher = filter.matcher();
        for (int i = 0; i < requirements.size(); i++) {
            if (matcher.test(requirements.get(i), bits.get(i), searchTexts.get(i))) {
                selected.add(requirements.get(i));
            }
        }
        return selected;
    }
}
