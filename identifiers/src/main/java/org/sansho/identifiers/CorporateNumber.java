package org.sansho.identifiers;

/**
 * 法人番号 (corporate number, National Tax Agency): 13 digits whose first digit is a check digit over the other
 * twelve. With b1..b12 the base digits counted from the right and Q = 1 for odd n, 2 for even n,
 * check = 9 − (Σ bn·Qn mod 9) (法人番号の指定等に関する省令 第2条).
 */
public final class CorporateNumber {

    private CorporateNumber() {
    }

    /** Whether the value has 13 digits and its check digit holds. */
    public static boolean isValid(String value) {
        if (value == null || !value.matches("[0-9]{13}")) {
            return false;
        }
        return value.charAt(0) - '0' == checkDigit(value.substring(1));
    }

    /** The check digit of the 12 base digits. */
    public static int checkDigit(String base12) {
        if (base12 == null || !base12.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("12 base digits expected");
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base12.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    /** The whole number of the 12 base digits: its check digit, then the digits. */
    public static String of(String base12) {
        return checkDigit(base12) + base12;
    }

    /** The number whose base digits are {@code n} (0 ≤ n < 10¹²) written with leading zeros. */
    public static String of(long n) {
        if (n < 0 || n >= 1_000_000_000_000L) {
            throw new IllegalArgumentException("12 base digits expected: " + n);
        }
        return of(String.format("%012d", n));
    }
}
