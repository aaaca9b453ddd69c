package org.sansho.benchmark.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A catalog of any size for the benchmark, made from a real one exported by the catalog-service: its controls are
 * copied round-robin (keys {@code keyPrefix}n, unique across guidelines), each keeping its phases, party, service models, data categories and
 * citation; links to mappings are left out, so the scaled catalog has no mappings of its own.
 */
public final class Oscal {

    private Oscal() {
    }

    public static ObjectNode scaled(JsonNode exported, int size, String keyPrefix) {
        ObjectNode root = exported.deepCopy();
        ObjectNode catalog = (ObjectNode) root.path("catalog");
        List<ObjectNode> templates = new ArrayList<>();
        List<ArrayNode> targets = new ArrayList<>();
        for (JsonNode group : catalog.path("groups")) {
            ArrayNode controls = (ArrayNode) group.path("controls");
            if (controls == null || controls.isMissingNode()) {
                continue;
            }
            for (JsonNode c : controls) {
                templates.add((ObjectNode) c);
                targets.add(controls);
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("the exported catalog has no controls");
        }
        List<ObjectNode> copies = new ArrayList<>(templates);
        List<ArrayNode> into = new ArrayList<>(targets);
        targets.forEach(ArrayNode::removeAll);
        for (int i = 0; i < size; i++) {
            ObjectNode copy = copies.get(i % copies.size()).deepCopy();
            String oldId = copy.path("id").asText();
            String newId = "r-" + keyPrefix.toLowerCase() + i;
            copy.put("id", newId);
            for (JsonNode prop : copy.path("props")) {
                if ("key".equals(prop.path("name").asText())) {
                    ((ObjectNode) prop).put("value", keyPrefix + i);
                }
            }
            renameParts(copy.path("parts"), oldId, newId);
            ArrayNode links = (ArrayNode) copy.get("links");
            if (links != null) {
                for (int l = links.size() - 1; l >= 0; l--) {
                    if (!"reference".equals(links.get(l).path("rel").asText())) {
                        links.remove(l);
                    }
                }
            }
            into.get(i % into.size()).add(copy);
        }
        return root;
    }

    private static void renameParts(JsonNode parts, String oldId, String newId) {
        for (JsonNode part : parts) {
            String id = part.path("id").asText();
            if (id.startsWith(oldId)) {
                ((ObjectNode) part).put("id", newId + id.substring(oldId.length()));
            }
            renameParts(part.path("parts"), oldId, newId);
        }
    }
}
