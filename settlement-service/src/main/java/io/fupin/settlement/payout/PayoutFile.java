package io.fupin.settlement.payout;

import io.fupin.support.csv.CsvCells;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bank's payout file: UTF-8 CSV (RFC 4180 quoting, formula cells neutralized by {@link CsvCells}), a
 * header, one row per household, and a control line with the row count and total that the bank checks before
 * paying. Amounts are yuan with two decimals, formatted from fen with integer arithmetic, and never negative.
 */
final class PayoutFile {

    static final String HEADER = "household_id,registration_number,head_name,bank_name,account_number,amount_yuan,batch_reference";

    private PayoutFile() {
    }

    static byte[] write(String batchReference, List<PayoutLine> lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        long total = 0;
        for (PayoutLine line : lines) {
            total = Math.addExact(total, line.amountFen());
            csv.append(CsvCells.row(line.householdId().toString(), line.registrationNumber(), line.headName(),
                    line.bankName(), line.accountNumber(), yuan(line.amountFen()), batchReference));
        }
        csv.append(CsvCells.row("CONTROL", Integer.toString(lines.size()), "", "", "", yuan(total), batchReference));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 12345 fen → "123.45"; 5 → "0.05"; -5 → "-0.05". */
    static String yuan(long fen) {
        long abs = Math.abs(fen);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return fen < 0 ? "-" + text : text;
    }
}
