package org.sansho.contract.contracts;

import org.junit.jupiter.api.Test;
import org.sansho.contract.contracts.domain.TermRenewal;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

class TermRenewalTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void without_an_agreed_period_a_term_renews_for_its_own_length_from_the_day_after_its_end() {
        TermRenewal.Renewed next = TermRenewal.next(d("2025-04-01"), d("2028-03-31"), null, 90, 180);
        assertThat(next.startDate()).isEqualTo(d("2028-04-01"));
        assertThat(next.endDate()).isEqualTo(d("2031-03-31"));
        assertThat(next.period()).isEqualTo(Period.ofYears(3));
        assertThat(next.noticeDeadline()).isEqualTo(d("2030-10-02"));
    }

    @Test
    void an_agreed_renewal_in_months_sets_the_new_term_whatever_the_first_term_was() {
        TermRenewal.Renewed next = TermRenewal.next(d("2025-04-01"), d("2028-03-31"), 12, 30, 60);
        assertThat(next.startDate()).isEqualTo(d("2028-04-01"));
        assertThat(next.endDate()).isEqualTo(d("2029-03-31"));
        assertThat(next.noticeDeadline()).isEqualTo(d("2029-01-30"));
        assertThat(next.period().toString()).isEqualTo("P1Y");
    }

    @Test
    void month_ends_stay_month_ends_across_short_months_and_leap_years() {
        TermRenewal.Renewed february = TermRenewal.next(d("2027-02-01"), d("2027-02-28"), null, 0, 0);
        assertThat(february.startDate()).isEqualTo(d("2027-03-01"));
        assertThat(february.endDate()).isEqualTo(d("2027-03-31"));
        TermRenewal.Renewed leap = TermRenewal.next(d("2027-03-01"), d("2028-02-29"), null, 0, 0);
        assertThat(leap.period()).isEqualTo(Period.ofYears(1));
        assertThat(leap.endDate()).isEqualTo(d("2029-02-28"));
    }

    @Test
    void an_uneven_term_renews_for_the_same_months_and_days() {
        TermRenewal.Renewed next = TermRenewal.next(d("2025-01-15"), d("2025-07-20"), null, 0, 0);
        assertThat(next.period()).isEqualTo(Period.of(0, 6, 6));
        assertThat(next.startDate()).isEqualTo(d("2025-07-21"));
        assertThat(next.endDate()).isEqualTo(d("2026-01-26"));
    }

    @Test
    void a_term_has_ended_only_once_its_end_date_is_behind_today() {
        assertThat(TermRenewal.ended(d("2028-03-31"), d("2028-03-31"))).isFalse();
        assertThat(TermRenewal.ended(d("2028-03-31"), d("2028-04-01"))).isTrue();
    }
}
