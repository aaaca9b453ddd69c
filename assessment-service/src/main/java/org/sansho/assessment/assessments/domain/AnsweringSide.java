package org.sansho.assessment.assessments.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who answers an item of an assessment, as the contract's responsibility split (責任分界) decides: the vendor (as
 * always when the split says nothing about the requirement), the hospital (a self-assessment of a duty the split
 * gives to the hospital; the vendor is not asked), or both (a shared duty, answered by each side for its part).
 * MHLW 6.0 システム運用編 3 and 2省GL §4.2: who carries a duty follows from the agreed role sharing.
 */
public enum AnsweringSide {
    HOSPITAL, VENDOR, BOTH;

    /** The side a caller answers for. */
    public enum Caller {
        HOSPITAL, VENDOR
    }

    /**
     * The side that answers a requirement, from the split parties of every checklist item that names it
     * ({@code HOSPITAL}, {@code VENDOR} or {@code SHARED}): none → VENDOR (as without a split); only HOSPITAL →
     * HOSPITAL; only VENDOR → VENDOR; SHARED, or items that give it to different sides → BOTH.
     */
    public static AnsweringSide of(Collection<String> splitParties) {
        Set<String> parties = splitParties.isEmpty() ? Set.of() : Set.copyOf(splitParties);
        if (parties.isEmpty() || parties.equals(Set.of("VENDOR"))) {
            return VENDOR;
        }
        if (parties.equals(Set.of("HOSPITAL"))) {
            return HOSPITAL;
        }
        return BOTH;
    }

    /** One assigned checklist item of a split: its side (HOSPITAL, VENDOR or SHARED) and the requirements it names. */
    public record SplitItem(String party, List<String> requirements) {
    }

    /**
     * The side of every requirement a split's items name ({@link #of}); a requirement no item names is not in the
     * map and is answered by the vendor.
     */
    public static java.util.Map<String, AnsweringSide> byRequirement(List<SplitItem> items) {
        java.util.Map<String, List<String>> parties = new java.util.LinkedHashMap<>();
        for (SplitItem item : items) {
            for (String requirement : item.requirements() == null ? List.<String>of() : item.requirements()) {
                parties.computeIfAbsent(requirement, k -> new java.util.ArrayList<>()).add(item.party());
            }
        }
        java.util.Map<String, AnsweringSide> sides = new java.util.LinkedHashMap<>();
        parties.forEach((requirement, p) -> sides.put(requirement, of(p)));
        return sides;
    }

    /** Whether a caller of that side may answer an item answered by this side. */
    public boolean answeredBy(Caller side) {
        return this == BOTH || name().equals(side.name());
    }

    /** The sides whose answer the item waits for. */
    public Set<Caller> sides() {
        return switch (this) {
            case HOSPITAL -> EnumSet.of(Caller.HOSPITAL);
            case VENDOR -> EnumSet.of(Caller.VENDOR);
            case BOTH -> EnumSet.allOf(Caller.class);
        };
    }

    /** An item counts as answered once every side that answers it has answered. */
    public boolean answered(ResponseStatus vendor, ResponseStatus hospital) {
        return (!sides().contains(Caller.VENDOR) || vendor != null)
                && (!sides().contains(Caller.HOSPITAL) || hospital != null);
    }

    /**
     * The answer the verdict rule reads: the answering side's; for an item answered by both, NOT_APPLICABLE only
     * when both sides say so, otherwise the vendor's answer (or the hospital's when the vendor gave none).
     */
    public ResponseStatus effective(ResponseStatus vendor, ResponseStatus hospital) {
        return switch (this) {
            case VENDOR -> vendor;
            case HOSPITAL -> hospital;
            case BOTH -> {
                if (vendor == ResponseStatus.NOT_APPLICABLE && hospital == ResponseStatus.NOT_APPLICABLE) {
                    yield ResponseStatus.NOT_APPLICABLE;
                }
                List<ResponseStatus> given = java.util.stream.Stream.of(vendor, hospital)
                        .filter(r -> r != null && r != ResponseStatus.NOT_APPLICABLE).toList();
                yield given.isEmpty() ? (vendor != null ? vendor : hospital) : given.get(0);
            }
        };
    }
}
