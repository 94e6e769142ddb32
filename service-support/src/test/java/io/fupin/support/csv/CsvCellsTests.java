package io.fupin.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
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
        assertThat(CsvCells.row("first", value.strip())).isEqualTo("first," + expected + "\r\n");
    }

    @Test
    void neutralizesLeadingTabAndCarriageReturn() {
        assertThat(CsvCells.guard("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCells.row("first", "\r=1+1")).isEqualTo("first,\"'\r=1+1\"\r\n");
    }

    @Test
    void leavesNegativeMoneyAsANumber() {
        assertThat(CsvCells.row("-1250", "-12.50", "12.50")).isEqualTo("-1250,-12.50,12.50\r\n");
    }

    @Test
    void quotesSeparatorsAndQuotesAndLeavesPlainTextAlone() {
        assertThat(CsvCells.row("王大山", "李小花, 户主", "say \"hi\"", null))
                .isEqualTo("王大山,\"李小花, 户主\",\"say \"\"hi\"\"\",\r\n");
    }

    @Test
    void writesARow() {
        assertThat(CsvCells.row("a", "=1", "-5")).isEqualTo("a,'=1,-5\r\n");
    }

    @Test
    void readsBackWhatItWritesWithTheSameFormat() throws IOException {
        String written = CsvCells.row("吴\"老\"十", "a,b", "two\nlines", "=1");
        List<CSVRecord> records = CsvCells.FORMAT.parse(new StringReader(written)).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().toList()).containsExactly("吴\"老\"十", "a,b", "two\nlines", "'=1");
    }
}
