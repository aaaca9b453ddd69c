package org.sansho.contract.reagreements.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "One side's consent to a re-agreement: who consented and when")
public record ConsentView(String by, Instant at) {
    static ConsentView of(String by, Instant at) {
        return at == null ? null : new ConsentView(by, at);
    }
}
