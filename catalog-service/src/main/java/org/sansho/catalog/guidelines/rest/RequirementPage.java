package org.sansho.catalog.guidelines.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.platform.rest.Page;

import java.util.List;

/**
 * The OpenAPI shape of a {@link Page} of {@link RequirementView}s, for the one operation that builds its page behind
 * a frozen-content response ({@code listRequirements}) and so cannot declare {@code Page<RequirementView>} as its
 * return type. {@code RequirementPageTest} keeps its components the same as {@link Page}'s.
 */
@Schema(name = "PageRequirementView", description = "One page of requirements")
public record RequirementPage(List<RequirementView> items, int page, int size, long totalItems,
                              boolean totalItemsExact, int totalPages) {
}
