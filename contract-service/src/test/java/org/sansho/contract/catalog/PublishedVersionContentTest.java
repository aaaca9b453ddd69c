package org.sansho.contract.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedVersionContentTest {

    @Test
    void a_first_version_holds_the_keys_it_added() {
        assertThat(PublishedVersionContent.after(null, false, List.of("A", "B"), List.of(), List.of()))
                .isEqualTo(new PublishedVersionContent(2, true));
        assertThat(PublishedVersionContent.after(null, false, List.of(), List.of(), List.of()))
                .isEqualTo(new PublishedVersionContent(0, false));
    }

    @Test
    void a_successor_of_a_counted_version_is_counted_exactly() {
        PublishedVersionContent two = new PublishedVersionContent(2, true);
        assertThat(PublishedVersionContent.after(two, true, List.of("C"), List.of("A"), List.of()))
                .isEqualTo(new PublishedVersionContent(2, true));
        assertThat(PublishedVersionContent.after(two, true, List.of(), List.of("A", "B"), List.of()))
                .isEqualTo(new PublishedVersionContent(0, false));
    }

    @Test
    void a_successor_of_an_uncounted_version_has_content_when_the_lists_show_some() {
        PublishedVersionContent some = new PublishedVersionContent(null, true);
        assertThat(PublishedVersionContent.after(some, true, List.of(), List.of(), List.of()).hasContent()).isTrue();
        assertThat(PublishedVersionContent.after(some, true, List.of(), List.of(), List.of("A")).hasContent())
                .isTrue();
        assertThat(PublishedVersionContent.after(null, true, List.of(), List.of("A"), List.of()).hasContent())
                .isFalse();
        assertThat(PublishedVersionContent.after(null, true, List.of(), List.of("A"), List.of()).requirementCount())
                .isNull();
    }
}
