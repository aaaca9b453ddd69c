package org.sansho.assessment.assessments.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which answers a re-baseline carries across a key change. A new guideline version may renumber every requirement
 * (MHLW 5.2 → 6.0 did), so keeping answers by key alone would ask the vendor everything again. The catalog records
 * how the keys correspond; an answer given to a key of the superseded version that the new version drops is
 * offered to the new requirement that continues it, to be confirmed by the side that answers it, so the agreement
 * is kept across the change without taking an old answer as a new one unseen (合意の維持, 2省GL §3.2.2).
 *
 * <p>The rule:
 * <ul>
 *   <li>Only two relations carry: {@code R SUPERSEDED_BY N} (R's obligation continues in N) and
 *   {@code EQUIVALENT} in either direction. Narrower or looser ones (SUBSET, SUPERSET, INTERSECTS, RELATED) do
 *   not: their answer would not say the same thing.</li>
 *   <li>R is a key of the old baseline that the re-baseline removes and that holds an answer; N is a requirement
 *   the re-baseline adds and that has no answer of its own.</li>
 *   <li>Each side's answer is carried only to an item that side answers (the responsibility split): the
 *   vendor's to a VENDOR or BOTH item, the hospital's to a HOSPITAL or BOTH item. A pair where neither side's
 *   answer fits carries nothing.</li>
 *   <li>Many to one: when answers of several removed keys could go to the same N (5.2 items merged into one 6.0
 *   item), none is carried: choosing one would silently drop what the others said. N is listed with its
 *   candidate sources and is answered afresh.</li>
 *   <li>One to many: a removed key split into several new ones gives each of them its answer.</li>
 *   <li>When both relations link the same pair, it is reported as SUPERSEDED_BY.</li>
 * </ul>
 */
public final class AnswerCarryOver {

    /** The relations that carry an answer. */
    public static final Set<String> CARRYING = Set.of("SUPERSEDED_BY", "EQUIVALENT");

    private AnswerCarryOver() {
    }

    /** A mapping as the catalog states it. */
    public record Link(String from, String to, String relation) {
    }

    /** A removed item of the old baseline and which sides' answers it holds. */
    public record Source(String key, boolean vendorAnswer, boolean hospitalAnswer) {
    }

    /** An item the re-baseline adds, who answers it, and whether it has an answer already. */
    public record Target(String key, AnsweringSide answeredBy, boolean answered) {
    }

    /** An answer carried from {@code source} to {@code target}; the sides say which answers go. */
    public record Carry(String source, String target, String relation, boolean vendor, boolean hospital) {
    }

    /** A target with more than one possible source: nothing is carried to it. */
    public record Ambiguous(String target, List<String> sources) {
    }

    public record Outcome(List<Carry> carried, List<Ambiguous> ambiguous) {
    }

    public static Outcome plan(List<Source> removed, List<Target> added, List<Link> links) {
        Map<String, Source> sources = new LinkedHashMap<>();
        removed.forEach(s -> sources.put(s.key(), s));
        Map<String, Target> targets = new LinkedHashMap<>();
        added.forEach(t -> targets.put(t.key(), t));
        // target → (source → relation), in the order the targets are added
        Map<String, Map<String, String>> pairs = new LinkedHashMap<>();
        for (Link link : links) {
            if (link == null || link.relation() == null || !CARRYING.contains(link.relation())) {
                continue;
            }
            consider(pairs, sources, targets, link.from(), link.to(), link.relation());
            if ("EQUIVALENT".equals(link.relation())) {
                consider(pairs, sources, targets, link.to(), link.from(), link.relation());
            }
        }
        List<Carry> carried = new ArrayList<>();
        List<Ambiguous> ambiguous = new ArrayList<>();
        for (Target target : added) {
            Map<String, String> from = pairs.get(target.key());
            if (from == null) {
                continue;
            }
            if (from.size() > 1) {
                ambiguous.add(new Ambiguous(target.key(), List.copyOf(new TreeSet<>(from.keySet()))));
                continue;
            }
            Map.Entry<String, String> only = from.entrySet().iterator().next();
            Source source = sources.get(only.getKey());
            carried.add(new Carry(source.key(), target.key(), only.getValue(),
                    source.vendorAnswer() && target.answeredBy().sides().contains(AnsweringSide.Caller.VENDOR),
                    source.hospitalAnswer()
                            && target.answeredBy().sides().contains(AnsweringSide.Caller.HOSPITAL)));
        }
        return new Outcome(List.copyOf(carried), List.copyOf(ambiguous));
    }

    private static void consider(Map<String, Map<String, String>> pairs, Map<String, Source> sources,
                                 Map<String, Target> targets, String from, String to, String relation) {
        Source source = sources.get(from);
        Target target = targets.get(to);
        if (source == null || target == null || target.answered()) {
            return;
        }
        boolean vendor = source.vendorAnswer() && target.answeredBy().sides().contains(AnsweringSide.Caller.VENDOR);
        boolean hospital = source.hospitalAnswer()
                && target.answeredBy().sides().contains(AnsweringSide.Caller.HOSPITAL);
        if (!vendor && !hospital) {
            return;
        }
        pairs.computeIfAbsent(to, k -> new LinkedHashMap<>())
                .merge(from, relation, (was, now) -> "SUPERSEDED_BY".equals(was) ? was : now);
    }
}
