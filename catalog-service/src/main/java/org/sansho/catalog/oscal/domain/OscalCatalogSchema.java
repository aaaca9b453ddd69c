package org.sansho.catalog.oscal.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official OSCAL 1.1 catalog JSON schema (NIST's {@code oscal-catalog_schema.json}, taken at build time from the
 * liboscal-java release named in the pom) with format assertions on: a document that fails it is not a catalog this
 * service reads, whoever wrote it; our own exports are held to it too.
 */
public final class OscalCatalogSchema {

    /** Where the build puts the schema on the class path. */
    public static final String RESOURCE = "oscal/oscal-catalog_schema.json";

    private static final OscalCatalogSchema INSTANCE = new OscalCatalogSchema();

    private final Schema schema;

    private OscalCatalogSchema() {
        try (InputStream in = OscalCatalogSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (the build unpacks it)");
            }
            JsonNode document = new ObjectMapper().readTree(in);
            repaired(document);
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(SchemaLocation.of(document.path("$id").asText()), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The generated schema nests two property schemas one level too deep ({@code external-ids.id} of a party:
     * {@code "id": {"id": {"$ref": …}}}, and {@code base64.value} of a resource likewise), which a draft-07
     * validator rejects as an unknown keyword; they are lifted to where they belong.
     */
    static void repaired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = object.get("properties");
            if (properties instanceof ObjectNode props) {
                props.properties().forEach(e -> {
                    JsonNode inner = e.getValue().get(e.getKey());
                    if (e.getValue().size() == 1 && inner != null && inner.isObject()) {
                        e.setValue(inner);
                    }
                });
            }
            object.forEach(OscalCatalogSchema::repaired);
        } else if (node != null && node.isArray()) {
            node.forEach(OscalCatalogSchema::repaired);
        }
    }

    public static OscalCatalogSchema official() {
        return INSTANCE;
    }

    /** Every schema violation of a document, each as "where: what", in the validator's order. */
    public List<String> problems(JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(e -> {
            String where = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            return (where.isEmpty() ? "$" : where) + ": " + e.getMessage();
        }).toList();
    }
}
