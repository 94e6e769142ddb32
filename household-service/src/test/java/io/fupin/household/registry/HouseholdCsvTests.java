package io.fupin.household.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fupin.household.common.InvalidInput;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HouseholdCsvTests {

    @Test
    void tellsUtf8WithAndWithoutBomFromGbk() {
        String text = "户主姓名\r\n刘翠翠\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);

        assertThat(HouseholdCsv.decode(utf8)).hasValue(new HouseholdCsv.Decoded(text, "UTF-8"));
        assertThat(HouseholdCsv.decode(bom)).hasValue(new HouseholdCsv.Decoded(text, "UTF-8 (BOM)"));
        assertThat(HouseholdCsv.decode(text.getBytes(Charset.forName("GBK")))).hasValue(new HouseholdCsv.Decoded(text, "GBK"));
    }

    @Test
    void readsQuotedCellsAndNumbersRowsByTheLineTheyStartOn() {
        List<HouseholdCsv.Row> rows = HouseholdCsv.parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,row");

        assertThat(rows).containsExactly(new HouseholdCsv.Row(1, List.of("a", "b")),
                new HouseholdCsv.Row(2, List.of("x, \"y\"", "two\nlines")), new HouseholdCsv.Row(5, List.of("last", "row")));
    }

    @Test
    void endsALineAtALoneCarriageReturnAsOldSpreadsheetsWrote() {
        assertThat(HouseholdCsv.parse("a,b\rc,d\r")).containsExactly(new HouseholdCsv.Row(1, List.of("a", "b")),
                new HouseholdCsv.Row(2, List.of("c", "d")));
    }

    @Test
    void refusesTextThatIsNotCsv() {
        assertThatThrownBy(() -> HouseholdCsv.parse("a,b\r\n\"never closed,x\r\n"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations().getFirst().field()).isEqualTo("file"));
        assertThatThrownBy(() -> HouseholdCsv.parse("a,b\r\n\"closed\"after,x\r\n")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void writesWhatItReads() {
        List<String> cells = List.of("吴\"老\"十", "a,b", "plain");
        assertThat(HouseholdCsv.parse(HouseholdCsv.line(cells)).getFirst().cells()).isEqualTo(cells);
    }

    @Test
    void neutralizesCellsASpreadsheetWouldEvaluate() {
        assertThat(HouseholdCsv.line(List.of("=HYPERLINK(\"http://x\")", "+8613800000000", "@x", "-3", "王大山")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+8613800000000,'@x,-3,王大山\r\n");
    }

    @Test
    void knowsTheChineseColumnNamesOfficialsUse() {
        assertThat(HouseholdCsv.header(List.of("户编号", "身份证号", "乡镇", "unknown", "Village")))
                .containsEntry("registrationNumber", 0).containsEntry("identityNumber", 1).containsEntry("town", 2)
                .containsEntry("village", 4).hasSize(4);
    }
}
