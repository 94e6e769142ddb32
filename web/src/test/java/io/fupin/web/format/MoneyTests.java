package io.fupin.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void showsFenAsYuanWithTwoDecimalsAndGrouping() {
        assertThat(Money.yuan(0)).isEqualTo("¥0.00");
        assertThat(Money.yuan(5)).isEqualTo("¥0.05");
        assertThat(Money.yuan(1990)).isEqualTo("¥19.90");
        assertThat(Money.yuan(3_980_000)).isEqualTo("¥39,800.00");
    }

    @Test
    void showsNegativeAmountsWithTheSignFirst() {
        assertThat(Money.yuan(-5)).isEqualTo("-¥0.05");
        assertThat(Money.yuan(-123_456)).isEqualTo("-¥1,234.56");
    }

    @Test
    void showsTheExtremesExactly() {
        assertThat(Money.yuan(Long.MAX_VALUE)).isEqualTo("¥92,233,720,368,547,758.07");
        assertThat(Money.yuan(Long.MIN_VALUE)).isEqualTo("-¥92,233,720,368,547,758.08");
    }

    @Test
    void readsTypedYuanAsFenWithoutRounding() {
        assertThat(Money.fen("19.9")).hasValue(1990);
        assertThat(Money.fen(" ¥1,980.05 ")).hasValue(198_005);
        assertThat(Money.fen("0.01")).hasValue(1);
        assertThat(Money.fen("7")).hasValue(700);
        assertThat(Money.fen(Money.yuan(3_980_000))).hasValue(3_980_000);
    }

    @Test
    void refusesWhatIsNotAnAmount() {
        assertThat(Money.fen("19.999")).isEmpty();
        assertThat(Money.fen("-1")).isEmpty();
        assertThat(Money.fen("1e3")).isEmpty();
        assertThat(Money.fen("")).isEmpty();
        assertThat(Money.fen(null)).isEmpty();
        assertThat(Money.fen("99999999.99")).isEmpty();
    }
}
