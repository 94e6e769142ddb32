package io.fupin.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=HYPERLINK(\"http://x\")   | \"'=HYPERLINK(\"\"http://x\"\")\"",
            "+86 138                    | '+86 138",
            "-2+3                       | '-2+3",
            "@SUM(A1)                   | '@SUM(A1)",
            "-cmd                       | '-cmd"})
    void neutralizesCellsThatWouldStartAFormula(String value, String expected) {
        assertThat(CsvCells.cell(value.strip())).isEqualTo(expected);
    }

    @Test
    void neutralizesLeadingTabAndCarriageReturn() {
        assertThat(CsvCells.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCells.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void leavesNegativeMoneyAsANumber() {
        assertThat(CsvCells.cell("-1250")).isEqualTo("-1250");
        assertThat(CsvCells.cell("-12.50")).isEqualTo("-12.50");
        assertThat(CsvCells.cell("12.50")).isEqualTo("12.50");
    }

    @Test
    void quotesSeparatorsAndQuotesAndLeavesPlainTextAlone() {
        assertThat(CsvCells.cell("李小花, 户主")).isEqualTo("\"李小花, 户主\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("王大山")).isEqualTo("王大山");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    void writesARow() {
        assertThat(CsvCells.row("a", "=1", "-5")).isEqualTo("a,'=1,-5\r\n");
    }
}
