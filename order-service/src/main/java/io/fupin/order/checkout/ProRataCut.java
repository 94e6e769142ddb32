package io.fupin.order.checkout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a shortfall among presale subscriptions: each keeps its pro rata part of what can be delivered,
 * in whole units, by the largest-remainder method, so the kept units add up exactly to what can be
 * delivered (no unit lost or created). Ties go to the earlier subscription (lower index).
 */
final class ProRataCut {

    private ProRataCut() {
    }

    /** @return per subscription the units it keeps, in the order given */
    static int[] keep(List<Integer> subscribed, int deliverable) {
        long total = subscribed.stream().mapToLong(Integer::longValue).sum();
        int[] kept = new int[subscribed.size()];
        if (deliverable >= total) {
            for (int i = 0; i < kept.length; i++) {
                kept[i] = subscribed.get(i);
            }
            return kept;
        }
        if (deliverable < 0) {
            throw new IllegalArgumentException("deliverable must not be negative");
        }
        long given = 0;
        List<long[]> remainders = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            long share = Math.multiplyExact((long) subscribed.get(i), deliverable);
            kept[i] = (int) (share / total);
            given += kept[i];
            remainders.add(new long[] {share % total, i});
        }
        remainders.sort(Comparator.<long[]>comparingLong(r -> -r[0]).thenComparingLong(r -> r[1]));
        for (int k = 0; given < deliverable; k++, given++) {
            kept[(int) remainders.get(k)[1]]++;
        }
        return kept;
    }
}
