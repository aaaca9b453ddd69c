package org.sansho.contract.organizations.domain;

/**
 * 法人番号 (corporate number, National Tax Agency): 13 digits whose first digit is a check digit over the other
 * twelve (法人番号の指定等に関する省令 第2条). The format is written once, in {@link org.sansho.identifiers.CorporateNumber}
 * (module sansho-identifiers), where the tools that make valid numbers (tests, end-to-end runs, the benchmark) find it
 * too; this is the organization domain's name for it.
 */
public final class CorporateNumber {

    private CorporateNumber() {
    }

    /** Whether the value has 13 digits and its check digit holds. */
    public static boolean isValid(String value) {
        return org.sansho.identifiers.CorporateNumber.isValid(value);
    }
}
