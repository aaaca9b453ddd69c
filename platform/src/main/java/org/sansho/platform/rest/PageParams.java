package org.sansho.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Page and size of a list request; every list of the suite is paginated with a hard maximum size. */
public class PageParams {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Parameter(description = "Zero-based page number", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
    @Parameter(description = "Page size, at most " + MAX_SIZE, example = "20")
    public int size;

    @QueryParam("exactTotal")
    @DefaultValue("false")
    @Parameter(description = "Count the whole list, however long. Otherwise a list is counted as far as ten pages "
            + "past this one (at least " + Page.COUNT_LIMIT + " items); beyond that totalItemsExact is false")
    public boolean exactTotal;

    public PageParams() {
    }

    public PageParams(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int offset() {
        return page * size;
    }
}
