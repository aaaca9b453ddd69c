package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "PublishRequest", description = "publishedOn defaults to today")
public record PublishRequest(@Schema(example = "2026-04-01") LocalDate publishedOn) {
}
