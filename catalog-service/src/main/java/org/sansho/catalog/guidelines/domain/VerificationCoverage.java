package org.sansho.catalog.guidelines.domain;

import java.util.Collection;

/** How many requirements of a version (or of one part of it) were checked, and against what. */
public record VerificationCoverage(int total, int verified, int draftChecked, int unverified) {

    public static VerificationCoverage of(Collection<Requirement> requirements) {
        int verified = 0;
        int draft = 0;
        int unverified = 0;
        for (Requirement r : requirements) {
            switch (r.verification()) {
                case VERIFIED -> verified++;
                case DRAFT_CHECKED -> draft++;
                case UNVERIFIED -> unverified++;
            }
        }
        return new VerificationCoverage(requirements.size(), verified, draft, unverified);
    }

    /** "verified / total", as the version view and the OSCAL export state it. */
    public String ratio() {
        return verified + "/" + total;
    }
}
