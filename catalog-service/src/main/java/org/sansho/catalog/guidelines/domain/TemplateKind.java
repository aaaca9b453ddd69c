package org.sansho.catalog.guidelines.domain;

/** A vendor disclosure template, or the 2024 role-sharing checklist. */
public enum TemplateKind {
    DISCLOSURE, ROLE_SHARING_CHECKLIST
}
