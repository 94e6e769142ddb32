package io.fupin.web.impact;

import io.fupin.web.trace.LineTrace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a buyer's paid lines did, summed from the settlement ledger: spent = costs + to households (the platform
 * keeps nothing), and of what went to households, how much is held, payable, in a payout batch, paid out.
 *
 * @param pendingLines paid lines settlement has not recorded yet (its events are on their way)
 * @param villages     what reached each village, by town and village name
 */
public record Impact(long spentFen, long costFen, long toHouseholdsFen, long suspenseFen, LineTrace.Stages stages,
        int lines, int pendingLines, Map<String, Long> villages) {

    static Impact of(List<LineTrace> traces, int pendingLines) {
        long spent = 0;
        long cost = 0;
        long net = 0;
        long suspense = 0;
        long held = 0;
        long payable = 0;
        long inPayout = 0;
        long paidOut = 0;
        Map<String, Long> villages = new TreeMap<>();
        for (LineTrace t : traces) {
            spent = Math.addExact(spent, t.grossFen());
            cost = Math.addExact(cost, t.costFen());
            net = Math.addExact(net, t.netFen());
            suspense = Math.addExact(suspense, t.suspenseFen());
            held = Math.addExact(held, t.stages().heldFen());
            payable = Math.addExact(payable, t.stages().payableFen());
            inPayout = Math.addExact(inPayout, t.stages().inPayoutFen());
            paidOut = Math.addExact(paidOut, t.stages().paidOutFen());
            for (LineTrace.Share share : t.shares()) {
                villages.merge(share.town() + " " + share.village(), share.amountFen(), Math::addExact);
            }
        }
        return new Impact(spent, cost, net, suspense, new LineTrace.Stages(held, payable, inPayout, paidOut),
                traces.size(), pendingLines, villages);
    }
}
