package org.sansho.platform.rest;

import org.junit.jupiter.api.Test;
import org.sansho.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsTest {

    @Test
    void a_matching_tag_passes() {
        assertThat(Preconditions.requireIfMatch("\"3\"", 3)).isEqualTo(3);
        assertThat(Preconditions.requireIfMatch("W/\"3\"", 3)).isEqualTo(3);
    }

    @Test
    void a_missing_if_match_is_428() {
        assertThatThrownBy(() -> Preconditions.requireIfMatch(null, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(428));
    }

    @Test
    void a_stale_or_foreign_tag_is_412() {
        assertThatThrownBy(() -> Preconditions.requireIfMatch("\"2\"", 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(412));
        assertThatThrownBy(() -> Preconditions.requireIfMatch("\"abc\"", 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(412));
    }
}
