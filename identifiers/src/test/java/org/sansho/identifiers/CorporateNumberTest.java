package org.sansho.identifiers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorporateNumberTest {

    @Test
    void a_number_whose_first_digit_matches_the_check_digit_is_valid() {
        assertThat(CorporateNumber.isValid("7000012050002")).isTrue();
        assertThat(CorporateNumber.checkDigit("000012050002")).isEqualTo(7);
    }

    @Test
    void a_number_with_a_wrong_check_digit_is_invalid() {
        assertThat(CorporateNumber.isValid("1000012050002")).isFalse();
        assertThat(CorporateNumber.isValid("7000012050003")).isFalse();
    }

    @Test
    void a_number_of_the_wrong_length_or_with_letters_is_invalid() {
        assertThat(CorporateNumber.isValid("700001205000")).isFalse();
        assertThat(CorporateNumber.isValid("70000120500021")).isFalse();
        assertThat(CorporateNumber.isValid("70000120500a2")).isFalse();
        assertThat(CorporateNumber.isValid(null)).isFalse();
    }

    @Test
    void every_generated_number_validates() {
        for (String base : new String[] {"000000000000", "123456789012", "999999999999", "010101010101"}) {
            assertThat(CorporateNumber.isValid(CorporateNumber.of(base))).isTrue();
        }
        assertThat(CorporateNumber.of(12050002L)).isEqualTo("7000012050002");
    }
}
