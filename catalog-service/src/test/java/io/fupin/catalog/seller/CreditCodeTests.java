package io.fupin.catalog.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.catalog.CatalogApi;
import org.junit.jupiter.api.Test;

class CreditCodeTests {

    @Test
    void acceptsTheDemoSellersCodeAndGeneratedOnes() {
        assertThat(CreditCode.isValid("91230113MA1B2G3X4H")).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(CreditCode.isValid(CatalogApi.newCreditCode())).isTrue();
        }
    }

    @Test
    void refusesAWrongCheckCharacterLengthOrAlphabet() {
        assertThat(CreditCode.isValid("91230113MA1B2G3X4J")).isFalse();
        assertThat(CreditCode.isValid("91230113MA1B2G3X4")).isFalse();
        assertThat(CreditCode.isValid("91230113MA1B2G3X4HH")).isFalse();
        assertThat(CreditCode.isValid("9123O113MA1B2G3X4H")).isFalse();
        assertThat(CreditCode.isValid("91230113ma1b2g3x4h")).isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void derivesTheDocumentedSellerId() {
        assertThat(Seller.idFor("91230113MA1B2G3X4H").value()).hasToString("3575660d-1d17-3598-9bf4-67791a419ae3");
    }
}
