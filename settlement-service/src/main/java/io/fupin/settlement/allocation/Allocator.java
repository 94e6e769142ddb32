package io.fupin.settlement.allocation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arithmetic of zero-profit: gross, cost (never more than gross), margin (always zero) and the net
 * split among households by their shares with the largest-remainder method, so the parts add up to the
 * net to the fen. Pure functions over {@code long} fen; no floating point.
 */
public final class Allocator {

    private Allocator() {
    }

    /** What one paid line (or part of one) comes to. */
    public record LineAmounts(long grossFen, long costFen, long marginFen, long netFen) {
    }

    /** One household's share weight in a linkage. */
    public record Share(UUID householdId, long shares) {
    }

    public static LineAmounts amounts(long unitPriceFen, long unitCostFen, long quantity) {
        if (unitPriceFen < 0 || quantity < 0) {
            throw new IllegalArgumentException("Price and quantity cannot be negative");
        }
        long gross = Math.multiplyExact(unitPriceFen, quantity);
        // A declared cost above the price would take money from the households: it is capped at gross.
        long cost = Math.min(gross, Math.multiplyExact(Math.max(0, unitCostFen), quantity));
        long margin = 0;
        return new LineAmounts(gross, cost, margin, gross - cost - margin);
    }

    /**
     * Splits {@code amountFen} by the shares with the largest-remainder method. Households are taken in
     * ascending id order, which also breaks ties between equal remainders, so the result does not depend
     * on the order the shares were given in.
     *
     * @return each household's part, in ascending household id order; the parts sum to {@code amountFen}
     */
    public static Map<UUID, Long> split(long amountFen, List<Share> shares) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("Only non-negative amounts are split");
        }
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("Nobody to split among");
        }
        List<Share> ordered = new ArrayList<>(shares);
        ordered.sort(Comparator.comparing(Share::householdId));
        BigInteger total = BigInteger.ZERO;
        for (Share share : ordered) {
            if (share.shares() <= 0) {
                throw new IllegalArgumentException("Shares must be positive");
            }
            total = total.add(BigInteger.valueOf(share.shares()));
        }
        BigInteger amount = BigInteger.valueOf(amountFen);
        long[] parts = new long[ordered.size()];
        BigInteger[] remainders = new BigInteger[ordered.size()];
        long assigned = 0;
        for (int i = 0; i < ordered.size(); i++) {
            BigInteger[] qr = amount.multiply(BigInteger.valueOf(ordered.get(i).shares())).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            assigned = Math.addExact(assigned, parts[i]);
        }
        long left = amountFen - assigned;
        // Fewer fen are left than households, so each largest remainder gets at most one.
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> {
            int c = remainders[b].compareTo(remainders[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            parts[byRemainder.get(k)]++;
        }
        Map<UUID, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            result.merge(ordered.get(i).householdId(), parts[i], Math::addExact);
        }
        return result;
    }
}
