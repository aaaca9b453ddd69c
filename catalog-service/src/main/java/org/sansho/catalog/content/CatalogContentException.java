package org.sansho.catalog.content;

import java.util.List;

/** The content files are wrong; the message lists every problem found, so that one fix round is enough. */
public class CatalogContentException extends RuntimeException {

    private final List<String> problems;

    public CatalogContentException(List<String> problems) {
        super("The catalog content is invalid (" + problems.size() + " problem(s)):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
