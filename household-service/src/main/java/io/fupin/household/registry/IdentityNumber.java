package io.fupin.household.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The 18-character resident identity number of GB 11643-1999: region, birth date, sequence, check character. */
final class IdentityNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdentityNumber() {
    }

    /** Upper-cases a trailing x, as people type it either way. */
    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** What is wrong with the number, or empty when it is valid. */
    static Optional<String> problem(String number) {
        if (number.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("the first 17 characters must be digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char last = number.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("the last character must be a digit or X");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return Optional.of("has an impossible birth date");
            }
        } catch (DateTimeException e) {
            return Optional.of("has an impossible birth date");
        }
        if (CHECK.charAt(sum % 11) != last) {
            return Optional.of("check digit does not match");
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** {@code 230126********1234}: region and last four only. */
    static String mask(String number) {
        return number.substring(0, 6) + "********" + number.substring(14);
    }
}
