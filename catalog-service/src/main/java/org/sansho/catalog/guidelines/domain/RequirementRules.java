package org.sansho.catalog.guidelines.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules every requirement obeys, whoever writes it (content files, an admin, an OSCAL import): a paraphrase
 * in both languages, a citation of the official text (an unsourced requirement cannot be defended to an
 * auditor), at least one contract phase, the page it was checked on whenever it was checked (against the final
 * text or a draft), and a reason whenever it is not verified against the final text.
 */
public final class RequirementRules {

    private RequirementRules() {
    }

    public static List<String> problems(Requirement r) {
        List<String> problems = new ArrayList<>();
        String key = r.key() == null || r.key().isBlank() ? "(no key)" : r.key();
        if (r.key() == null || !r.key().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            problems.add(key + ": key must be letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (r.ref() == null || r.ref().isBlank()) {
            problems.add(key + ": has no reference (ref)");
        }
        if (r.title() == null || !r.title().complete()) {
            problems.add(key + ": title needs both ja and en");
        }
        if (r.summary() == null || !r.summary().complete()) {
            problems.add(key + ": summary needs both ja and en");
        }
        if (r.obligation() == null) {
            problems.add(key + ": has no obligation");
        }
        if (r.category() == null) {
            problems.add(key + ": has no category");
        }
        if (r.party() == null) {
            problems.add(key + ": has no party");
        }
        if (r.phases().isEmpty()) {
            problems.add(key + ": has no contract phase");
        }
        if (r.citation() == null || !r.citation().complete()) {
            problems.add(key + ": citation (document, version, section) is mandatory");
        }
        for (LocalizedText e : r.evidence()) {
            if (e == null || !e.complete()) {
                problems.add(key + ": every evidence item needs both ja and en");
            }
        }
        for (ThreatImpact t : r.threats()) {
            if (t == null || t.threat() == null || t.impact() == null || t.impact().isEmpty()) {
                problems.add(key + ": every threat needs a code and at least one of C, I, A");
            }
        }
        for (GuidanceRef g : r.guidance()) {
            if (g == null || !g.complete()) {
                problems.add(key + ": every guidance entry needs its ref and document");
            }
        }
        if (r.verification() == null) {
            problems.add(key + ": has no verification (VERIFIED, DRAFT_CHECKED or UNVERIFIED)");
        } else if (r.verification() != Verification.UNVERIFIED
                && (r.citation() == null || r.citation().page() == null)) {
            problems.add(key + ": is " + r.verification() + " but its citation names no page");
        }
        if (r.verification() != Verification.VERIFIED
                && (r.unverifiedReason() == null || r.unverifiedReason().isBlank())) {
            problems.add(key + ": is not VERIFIED but unverifiedReason is missing");
        }
        return problems;
    }
}
