package org.sansho.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the subset of Kustomize these manifests
 * use: {@code resources} (files inside the directory, or other Kustomize directories), {@code patches} (strategic
 * merge patches from files, matched by kind and name, or applied to every resource a {@code target} selects by kind
 * and a name pattern), {@code namespace} and {@code images}. Any other field is refused, so a manifest can never use
 * a feature this renderer would silently ignore. Where {@code kubectl} exists, a test compares the two renderings.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");
    /** Kinds whose lists of named entries (containers, env, volumes) are merged by name, as Kubernetes' schema says. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1", "batch/v1");

    private Kustomize() {
    }

    static List<Map<String, Object>> render(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        Path file = root.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + root);
        }
        Map<String, Object> kustomization = Yaml.single(file);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(file + ": field '" + key + "' is not supported by this renderer");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Yaml.list(kustomization, "resources")) {
            Path path = root.resolve(entry.toString()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                if (!path.startsWith(root)) {
                    throw new IllegalArgumentException(file + ": resource file " + entry
                            + " is outside the kustomization's directory (Kustomize refuses to load it)");
                }
                Yaml.documents(path).forEach(d -> resources.add(Yaml.map(Yaml.copy(d))));
            }
        }
        for (Object entry : Yaml.list(kustomization, "patches")) {
            applyPatch(root, file, Yaml.map(entry), resources);
        }
        String namespace = Yaml.string(kustomization, "namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                metadata(resource).put("namespace", namespace);
            }
        }
        for (Object image : Yaml.list(kustomization, "images")) {
            setImage(Yaml.map(image), resources);
        }
        return resources;
    }

    private static void applyPatch(Path root, Path file, Map<String, Object> entry, List<Map<String, Object>> resources) {
        for (String key : entry.keySet()) {
            if (!key.equals("path") && !key.equals("target")) {
                throw new IllegalArgumentException(file + ": patch field '" + key + "' is not supported");
            }
        }
        Path path = root.resolve(Objects.requireNonNull(Yaml.string(entry, "path"), "patch without path")).normalize();
        Map<String, Object> target = Yaml.mapAt(entry, "target");
        for (String key : target.keySet()) {
            if (!key.equals("kind") && !key.equals("name")) {
                throw new IllegalArgumentException(file + ": patch target field '" + key + "' is not supported");
            }
        }
        for (Map<String, Object> patch : Yaml.documents(path)) {
            List<Map<String, Object>> matches = new ArrayList<>();
            for (Map<String, Object> resource : resources) {
                boolean match;
                if (target.isEmpty()) {
                    match = Objects.equals(resource.get("kind"), patch.get("kind"))
                            && Objects.equals(resource.get("apiVersion"), patch.get("apiVersion"))
                            && Objects.equals(name(resource), name(patch));
                } else {
                    String kind = Yaml.string(target, "kind");
                    String name = Yaml.string(target, "name");
                    match = (kind == null || kind.equals(resource.get("kind")))
                            && (name == null || Pattern.compile(name).matcher(name(resource)).matches());
                }
                if (match) {
                    matches.add(resource);
                }
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException(path + ": the patch for " + patch.get("kind") + " " + name(patch)
                        + " matches no resource");
            }
            for (Map<String, Object> resource : matches) {
                Map<String, Object> body = Yaml.map(Yaml.copy(patch));
                if (!target.isEmpty()) {
                    // A targeted patch's own name is a placeholder: the target chose the resources.
                    Yaml.mapAt(body, "metadata").remove("name");
                }
                merge(resource, body, BUILT_IN_GROUPS.contains(String.valueOf(resource.get("apiVersion"))));
            }
        }
    }

    /**
     * Strategic merge: mappings merge key by key, a null value removes the key; in Kubernetes' own kinds a list whose
     * entries all carry a {@code name} merges entry by entry on that name; every other list is replaced.
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> patch, boolean namedListsMerge) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("strategic merge directive " + key + " is not supported");
            }
            Object value = e.getValue();
            Object existing = into.get(key);
            if (value == null) {
                into.remove(key);
            } else if (value instanceof Map<?, ?> m && existing instanceof Map<?, ?> old) {
                merge((Map<String, Object>) old, (Map<String, Object>) m, namedListsMerge);
            } else if (namedListsMerge && value instanceof List<?> l && existing instanceof List<?> old
                    && allNamed(l) && allNamed(old)) {
                List<Object> merged = (List<Object>) old;
                for (Object item : l) {
                    Map<String, Object> patchItem = (Map<String, Object>) item;
                    Map<String, Object> same = null;
                    for (Object o : merged) {
                        if (Objects.equals(((Map<String, Object>) o).get("name"), patchItem.get("name"))) {
                            same = (Map<String, Object>) o;
                        }
                    }
                    if (same == null) {
                        merged.add(Yaml.copy(patchItem));
                    } else {
                        merge(same, patchItem, true);
                    }
                }
            } else {
                into.put(key, Yaml.copy(value));
            }
        }
    }

    private static boolean allNamed(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static void setImage(Map<String, Object> image, List<Map<String, Object>> resources) {
        String name = Objects.requireNonNull(Yaml.string(image, "name"), "images entry without name");
        String newName = Yaml.string(image, "newName");
        String newTag = Yaml.string(image, "newTag");
        for (Map<String, Object> resource : resources) {
            for (String list : List.of("containers", "initContainers")) {
                for (Object c : Yaml.list(resource, "spec", "template", "spec", list)) {
                    Map<String, Object> container = Yaml.map(c);
                    String current = Yaml.string(container, "image");
                    if (current == null) {
                        continue;
                    }
                    int colon = current.lastIndexOf(':');
                    boolean tagged = colon > current.lastIndexOf('/');
                    String repository = tagged ? current.substring(0, colon) : current;
                    String tag = tagged ? current.substring(colon + 1) : null;
                    if (!repository.equals(name)) {
                        continue;
                    }
                    String result = (newName != null ? newName : repository);
                    String resultTag = newTag != null ? newTag : tag;
                    container.put("image", resultTag == null ? result : result + ":" + resultTag);
                }
            }
        }
    }

    static Map<String, Object> metadata(Map<String, Object> resource) {
        Object metadata = resource.get("metadata");
        if (!(metadata instanceof Map<?, ?>)) {
            Map<String, Object> created = new LinkedHashMap<>();
            resource.put("metadata", created);
            return created;
        }
        return Yaml.map(metadata);
    }

    static String name(Map<String, Object> resource) {
        return Yaml.string(resource, "metadata", "name");
    }
}
