package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityNumberTests {

    @Test
    void acceptsNumbersWhoseCheckCharacterMatchesIncludingX() {
        assertThat(IdentityNumber.problem("11010519491231002X")).isEmpty();
        assertThat(IdentityNumber.problem("440524198001010013")).isEmpty();
        assertThat(IdentityNumber.problem(IdentityNumber.normalise(" 11010519491231002x "))).isEmpty();
    }

    @Test
    void rejectsWrongCheckDigitsLengthsCharactersAndBirthDates() {
        assertThat(IdentityNumber.problem("110105194912310021")).contains("check digit does not match");
        assertThat(IdentityNumber.problem("11010519491231002")).contains("must be 18 characters");
        assertThat(IdentityNumber.problem("1101051949123100AX")).contains("the first 17 characters must be digits");
        String impossible = "23011319490230001";
        assertThat(IdentityNumber.problem(impossible + IdentityNumber.checkCharacter(impossible)))
                .contains("has an impossible birth date");
    }

    @Test
    void masksAllButRegionAndLastFour() {
        assertThat(IdentityNumber.mask("230126194912311234")).isEqualTo("230126********1234");
    }
}
