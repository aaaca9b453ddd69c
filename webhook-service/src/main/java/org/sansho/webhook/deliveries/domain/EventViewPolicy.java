package org.sansho.webhook.deliveries.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sansho.webhook.deliveries.domain.EventParties.Audience;
import org.sansho.webhook.subscriptions.domain.EventTypePattern;

import java.util.List;
import java.util.Map;

/**
 * The field-level view rules of the API, applied to an event before it leaves for a subscriber: a webhook shows a
 * party no more than its API reads would (docs/security.md "What each side sees").
 *
 * <p>Accepting a risk is the hospital's own decision (リスク保有, the "retain" treatment of 2省GL 表5-3; the approver and the
 * reasoning are the hospital's management record): the vendor sees that a finding's risk was accepted and until
 * when, never who approved it or why. So for the vendor side every assessment event loses {@code approver} and
 * {@code justification}, at the top of its data and inside a {@code riskAcceptance}. Today's assessment events carry
 * neither field; the rule stands so that a payload that gains them never leaks them.
 */
public final class EventViewPolicy {

    /** Per audience: the event types a rule covers, and the fields (paths from the data's root) it removes. */
    private static final Map<Audience, List<Rule>> RULES = Map.of(Audience.VENDOR, List.of(
            new Rule(new EventTypePattern("org.sansho.assessment.*"), List.of(
                    List.of("approver"), List.of("justification"),
                    List.of("riskAcceptance", "approver"), List.of("riskAcceptance", "justification")))));

    private EventViewPolicy() {
    }

    record Rule(EventTypePattern types, List<List<String>> hiddenPaths) {
    }

    /**
     * The data {@code audience} may see: the same node when no rule applies, else a copy without the hidden fields.
     */
    public static JsonNode view(String type, JsonNode data, Audience audience) {
        if (!(data instanceof ObjectNode)) {
            return data;
        }
        JsonNode seen = data;
        for (Rule rule : RULES.getOrDefault(audience, List.of())) {
            if (!rule.types().matches(type)) {
                continue;
            }
            for (List<String> path : rule.hiddenPaths()) {
                JsonNode parent = seen;
                for (int i = 0; i < path.size() - 1 && parent != null; i++) {
                    parent = parent.get(path.get(i));
                }
                if (parent instanceof ObjectNode o && o.has(path.get(path.size() - 1))) {
                    if (seen == data) {
                        seen = data.deepCopy();
                        // walk again on the copy
                        parent = seen;
                        for (int i = 0; i < path.size() - 1; i++) {
                            parent = parent.get(path.get(i));
                        }
                        o = (ObjectNode) parent;
                    }
                    o.remove(path.get(path.size() - 1));
                }
            }
        }
        return seen;
    }
}
