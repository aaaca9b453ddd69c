package org.sansho.catalog.guidelines;

import org.junit.jupiter.api.Test;
import org.sansho.catalog.guidelines.rest.RequirementPage;
import org.sansho.platform.rest.Page;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RequirementPageTest {

    @Test
    void the_documented_page_of_requirements_has_the_components_of_every_page() {
        assertThat(Arrays.stream(RequirementPage.class.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getType().getSimpleName()))
                .containsExactlyElementsOf(Arrays.stream(Page.class.getRecordComponents())
                        .map(c -> c.getName() + ":" + c.getType().getSimpleName()).toList());
    }
}
