package io.fupin.settlement.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutFileTests {

    @Test
    void formatsFenAsYuanWithTwoDecimalsWithoutFloatingPoint() {
        assertThat(PayoutFile.yuan(0)).isEqualTo("0.00");
        assertThat(PayoutFile.yuan(5)).isEqualTo("0.05");
        assertThat(PayoutFile.yuan(10)).isEqualTo("0.10");
        assertThat(PayoutFile.yuan(195_400)).isEqualTo("1954.00");
        assertThat(PayoutFile.yuan(-1_234_567)).isEqualTo("-12345.67");
        assertThat(PayoutFile.yuan(Long.MAX_VALUE)).isEqualTo("92233720368547758.07");
    }

    @Test
    void writesOneRowPerHouseholdAndAControlLineWithCountAndTotal() {
        List<PayoutLine> lines = List.of(
                line(new UUID(0, 1), 12_345, "王, 大山"),
                line(new UUID(0, 2), 5, "李\"小\"花"));
        String csv = new String(PayoutFile.write("FPB-20261130-ABCDEF12", lines), StandardCharsets.UTF_8);
        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0]).isEqualTo(PayoutFile.HEADER);
        assertThat(rows[1]).isEqualTo(new UUID(0, 1) + ",230113-001,\"王, 大山\",中国农业银行,6228480000000001,123.45,FPB-20261130-ABCDEF12");
        assertThat(rows[2]).contains("\"李\"\"小\"\"花\"").contains(",0.05,");
        assertThat(rows[3]).isEqualTo("CONTROL,2,,,,123.50,FPB-20261130-ABCDEF12");
    }

    @Test
    void neutralizesEveryCellASpreadsheetWouldEvaluate() {
        PayoutLine hostile = new PayoutLine(new UUID(0, 3), 100, PayoutLine.LineStatus.PENDING, "+230113",
                "=HYPERLINK(\"http://x\",\"点击\")", "@bank", "\t6228", "");
        String csv = new String(PayoutFile.write("-FPB", List.of(hostile)), StandardCharsets.UTF_8);

        assertThat(csv.split("\r\n")[1]).isEqualTo(new UUID(0, 3)
                + ",'+230113,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",'@bank,'\t6228,1.00,'-FPB");
        assertThat(csv.split("\r\n")[2]).isEqualTo("CONTROL,1,,,,1.00,'-FPB");
    }

    private static PayoutLine line(UUID household, long fen, String head) {
        return new PayoutLine(household, fen, PayoutLine.LineStatus.PENDING, "230113-001", head, "中国农业银行",
                "6228480000000001", "");
    }
}
