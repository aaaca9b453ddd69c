package org.sansho.testsupport.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.sansho.testsupport.Repository;
import org.sansho.testsupport.TestPostgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks events against their contract, so that a drift between what a service publishes and what
 * {@code docs/asyncapi.yaml} says fails the service's own build:
 * <ul>
 *   <li>the envelope is a CloudEvent 1.0, as the CloudEvents SDK for Java reads it (an implementation independent of
 *   ours: required attributes, their types, time and URI formats, extension names), and matches the document's
 *   {@code Envelope} schema with no attribute beyond it;</li>
 *   <li>the type is a message of the document, on the channel (topic) it was published to, keyed by its subject;</li>
 *   <li>{@code dataschema} names that message's payload schema, and the data is valid against it (JSON Schema 2020-12
 *   by networknt's validator, formats asserted), with no property the schema does not declare.</li>
 * </ul>
 * {@link #checkOutbox} reads every event a service wrote to its outbox during its module's tests: each service has a
 * plain test class ({@code EventContractsTest}) that runs after its Quarkus tests (Quarkus orders plain test classes
 * last) and checks them all.
 */
public final class EventContracts {

    /** The document's address in {@code dataschema} URIs: its major and minor version. */
    public static final String DOCUMENT = "https://sansho.dev/asyncapi/1.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonFormat CLOUD_EVENTS = new JsonFormat();
    private static volatile EventContracts instance;

    /** Message name (the CloudEvents type) → its channel address and payload schema reference. */
    private final Map<String, Message> messages;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Message(String address, String payloadRef) {
    }

    /** What a check found: how many events of which types, and every distinct violation (with how often). */
    public record Report(int events, Set<String> types, Map<String, Integer> violations) {

        /** The violations, one line each, for an assertion message. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            violations.forEach((v, n) -> s.append("\n  ").append(v).append(n > 1 ? " (" + n + " events)" : ""));
            return s.toString();
        }
    }

    private EventContracts(JsonNode document) {
        this.messages = messages(document);
        String json;
        try {
            json = JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(Map.of(DOCUMENT, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The checks of {@code docs/asyncapi.yaml} of this repository. */
    public static EventContracts document() {
        if (instance == null) {
            synchronized (EventContracts.class) {
                if (instance == null) {
                    try {
                        instance = new EventContracts(YAML.readTree(
                                Repository.root().resolve("docs/asyncapi.yaml").toFile()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return instance;
    }

    /** The {@code dataschema} an event of this type must carry (null when the document has no such message). */
    public String dataSchema(String type) {
        Message m = messages.get(type);
        return m == null ? null : DOCUMENT + m.payloadRef();
    }

    /** Every event in the outbox of the service whose database on the test PostgreSQL server is {@code database}. */
    public Report checkOutbox(String database) {
        TestPostgres pg = TestPostgres.get();
        Map<String, Integer> violations = new TreeMap<>();
        Set<String> types = new TreeSet<>();
        int events = 0;
        try (Connection c = DriverManager.getConnection(pg.database(database), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery(
                     "select topic, aggregateid, type, payload from outbox_event order by \"timestamp\", id")) {
            while (rs.next()) {
                events++;
                types.add(rs.getString(3));
                for (String v : check(rs.getString(1), rs.getString(2), rs.getString(4))) {
                    violations.merge(rs.getString(3) + ": " + v, 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox of " + database + " could not be read: " + e.getMessage(), e);
        }
        return new Report(events, types, violations);
    }

    /**
     * One event as it travels: the record value published on {@code topic} with the record key {@code key}.
     *
     * @return what is wrong with it; empty when nothing is
     */
    public List<String> check(String topic, String key, String value) {
        List<String> problems = new ArrayList<>();
        CloudEvent event;
        try {
            event = CLOUD_EVENTS.deserialize(value.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            problems.add("not a CloudEvent 1.0 (CloudEvents SDK): " + e.getMessage());
            return problems;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (IOException e) {
            problems.add("not JSON: " + e.getMessage());
            return problems;
        }
        conforms("#/components/schemas/Envelope", tree, "envelope", problems);
        Message message = messages.get(event.getType());
        if (message == null) {
            problems.add("type " + event.getType() + " is not a message of docs/asyncapi.yaml");
            return problems;
        }
        if (!message.address().equals(topic)) {
            problems.add("published on " + topic + ", documented on " + message.address());
        }
        if (!Objects.equals(key, event.getSubject())) {
            problems.add("record key " + key + " is not the subject " + event.getSubject());
        }
        String expected = DOCUMENT + message.payloadRef();
        String declared = event.getDataSchema() == null ? null : event.getDataSchema().toString();
        if (!expected.equals(declared)) {
            problems.add("dataschema is " + declared + ", not " + expected);
        }
        conforms(message.payloadRef(), tree.path("data"), "data", problems);
        return problems;
    }

    /**
     * Whether {@code node} is valid against the schema at {@code ref} and has no property beyond those it (and what it
     * refers to) declares. The second question is asked only when the first is answered yes: a property of a branch
     * that failed counts as undeclared in JSON Schema, which would bury the one real error under every property.
     */
    private void conforms(String ref, JsonNode node, String what, List<String> problems) {
        int before = problems.size();
        errors(schemas.computeIfAbsent(ref, r -> registry.getSchema("{\"$ref\": \"" + DOCUMENT + r + "\"}")),
                node, what, problems);
        if (problems.size() == before) {
            errors(schemas.computeIfAbsent(ref + " closed", r -> registry.getSchema(
                    "{\"$ref\": \"" + DOCUMENT + ref + "\", \"unevaluatedProperties\": false}")), node, what, problems);
        }
    }

    private static void errors(Schema schema, JsonNode node, String what, List<String> problems) {
        for (Error e : schema.validate(node)) {
            problems.add(what + " " + e.getInstanceLocation() + ": " + e.getMessage());
        }
    }

    private static Map<String, Message> messages(JsonNode doc) {
        JsonNode components = doc.path("components").path("messages");
        Map<String, Message> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> channels = doc.path("channels").fields(); channels.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = channels.next();
            String address = channel.getValue().path("address").asText();
            for (JsonNode ref : channel.getValue().path("messages")) {
                String id = ref.path("$ref").asText();
                JsonNode message = components.path(id.substring(id.lastIndexOf('/') + 1));
                String payload = message.path("payload").path("$ref").asText(null);
                if (payload == null) {
                    throw new IllegalStateException("The payload of message " + id
                            + " is not a reference to a schema under components/schemas");
                }
                result.put(message.path("name").asText(), new Message(address, payload));
            }
        }
        return result;
    }
}
