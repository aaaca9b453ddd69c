package org.sansho.catalog.guidelines.domain;

/**
 * How far a catalog entry was checked against the published text. A hospital's compliance officer holds the
 * checklist next to the official PDFs, so the catalog says plainly which entries were read where.
 */
public enum Verification {
    /** Number and wording checked against the final official text; the citation names that page. */
    VERIFIED,
    /**
     * Checked only against a near-final text (a working-group or public-comment draft, or a reprint by another
     * publisher); the citation names that page. Never counted as verified: the final page is still to be read.
     */
    DRAFT_CHECKED,
    /** Not checked against any retrieved text; the reason says what is missing. */
    UNVERIFIED
}
