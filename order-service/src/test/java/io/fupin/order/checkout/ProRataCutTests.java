package io.fupin.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProRataCutTests {

    @Test
    void keepsWholeUnitsThatAddUpToWhatCanBeDelivered() {
        assertThat(ProRataCut.keep(List.of(5, 3, 2), 7)).containsExactly(4, 2, 1);
        assertThat(ProRataCut.keep(List.of(1, 1, 1), 2)).containsExactly(1, 1, 0);
        assertThat(ProRataCut.keep(List.of(700, 1), 350)).containsExactly(350, 0);
    }

    @Test
    void cutsNothingWhenEnoughCanBeDeliveredAndEverythingWhenNothingCan() {
        assertThat(ProRataCut.keep(List.of(4, 6), 10)).containsExactly(4, 6);
        assertThat(ProRataCut.keep(List.of(4, 6), 12)).containsExactly(4, 6);
        assertThat(ProRataCut.keep(List.of(4, 6), 0)).containsExactly(0, 0);
    }

    @Test
    void neverLosesOrCreatesAUnit() {
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 500; run++) {
            List<Integer> subscribed = random.ints(1 + random.nextInt(30), 1, 50).boxed().toList();
            int total = subscribed.stream().mapToInt(Integer::intValue).sum();
            int deliverable = random.nextInt(total + 1);
            int[] kept = ProRataCut.keep(subscribed, deliverable);
            assertThat(Arrays.stream(kept).sum()).isEqualTo(deliverable);
            for (int i = 0; i < kept.length; i++) {
                assertThat(kept[i]).isBetween(0, subscribed.get(i));
            }
        }
    }
}
