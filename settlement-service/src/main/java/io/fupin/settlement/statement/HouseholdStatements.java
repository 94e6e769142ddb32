package io.fupin.settlement.statement;

import io.fupin.settlement.ledger.AccountType;
import io.fupin.settlement.ledger.Ledger;
import io.fupin.support.csv.CsvCells;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a household's statement out of the ledger: nothing typed by hand. */
@Service
class HouseholdStatements {

    private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Ledger ledger;

    HouseholdStatements(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param amountFen what the entry did to the household: positive when it owes the household more
     *                  (an allocation, a failed payout returned), negative when less (a refund, a clawback)
     */
    record Entry(Instant date, String kind, String account, UUID orderId, UUID productId, UUID batchId,
            long amountFen) {
    }

    /** Balances in the household's favour: held (escrow), payable, in a batch, paid out so far. */
    record Statement(UUID householdId, long heldFen, long payableFen, long inPayoutFen, long paidOutFen,
            List<Entry> entries) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('CLERK','ADMIN')")
    Statement of(UUID householdId) {
        List<Entry> entries = new ArrayList<>();
        long held = 0;
        long payable = 0;
        long inPayout = 0;
        long paidOut = 0;
        for (Ledger.PartyLine line : ledger.linesOf(householdId)) {
            if (!line.account().isHouseholdSide()) {
                continue;
            }
            long amount = -line.amountFen();
            switch (line.account()) {
                case HOUSEHOLD_HELD -> held += amount;
                case HOUSEHOLD_PAYABLE -> payable += amount;
                case HOUSEHOLD_IN_PAYOUT -> inPayout += amount;
                case HOUSEHOLD_PAID_OUT -> paidOut += amount;
                default -> throw new IllegalStateException(line.account().name());
            }
            entries.add(new Entry(line.effectiveAt(), line.kind(), shortName(line.account()), line.orderId(),
                    line.productId(), line.batchId(), amount));
        }
        return new Statement(householdId, held, payable, inPayout, paidOut, entries);
    }

    byte[] csv(Statement statement) {
        StringBuilder csv = new StringBuilder("date_shanghai,kind,account,order_id,product_id,batch_id,amount_yuan\r\n");
        for (Entry e : statement.entries()) {
            csv.append(CsvCells.row(SHANGHAI.format(e.date()), e.kind(), e.account(), text(e.orderId()),
                    text(e.productId()), text(e.batchId()), yuan(e.amountFen())));
        }
        csv.append(CsvCells.row("BALANCE", "", "", "", "", "",
                yuan(statement.heldFen() + statement.payableFen() + statement.inPayoutFen())));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String shortName(AccountType account) {
        return account.name().substring("HOUSEHOLD_".length());
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    static String yuan(long fen) {
        long abs = Math.abs(fen);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return fen < 0 ? "-" + text : text;
    }
}
