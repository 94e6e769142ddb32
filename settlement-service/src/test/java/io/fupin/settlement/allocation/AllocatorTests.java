package io.fupin.settlement.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Properties of the zero-profit arithmetic over many seeded random cases (the seed is printed on failure). */
class AllocatorTests {

    private static final long SEED = 20261128L;
    private static final int CASES = 10_000;

    @Test
    void partsAlwaysSumToTheNetAndNoneIsNegative() {
        Random random = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            long amount = randomAmount(random);
            List<Allocator.Share> shares = randomShares(random);
            Map<UUID, Long> parts = Allocator.split(amount, shares);
            String context = "case " + c + " amount " + amount + " shares " + shares;
            assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).as(context).isEqualTo(amount);
            assertThat(parts.values()).as(context).allMatch(p -> p >= 0);
            assertThat(parts.keySet()).as(context)
                    .containsExactlyInAnyOrderElementsOf(shares.stream().map(Allocator.Share::householdId).toList());
        }
    }

    @Test
    void eachPartIsWithinOneFenOfItsExactShare() {
        Random random = new Random(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            long amount = randomAmount(random);
            List<Allocator.Share> shares = randomShares(random);
            long total = shares.stream().mapToLong(Allocator.Share::shares).sum();
            Map<UUID, Long> parts = Allocator.split(amount, shares);
            for (Allocator.Share share : shares) {
                long floor = Math.floorDiv(Math.multiplyExact(amount, share.shares()), total);
                assertThat(parts.get(share.householdId())).as("case %d", c).isBetween(floor, floor + 1);
            }
        }
    }

    @Test
    void theResultDoesNotDependOnTheOrderSharesAreGivenIn() {
        Random random = new Random(SEED + 2);
        for (int c = 0; c < 2_000; c++) {
            long amount = randomAmount(random);
            List<Allocator.Share> shares = randomShares(random);
            List<Allocator.Share> shuffled = new ArrayList<>(shares);
            Collections.shuffle(shuffled, random);
            assertThat(Allocator.split(amount, shuffled)).as("case %d", c).isEqualTo(Allocator.split(amount, shares));
        }
    }

    @Test
    void equalSharesBreakTiesByHouseholdIdSoTheLowestIdsGetTheSpareFen() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");
        Map<UUID, Long> parts = Allocator.split(100, List.of(new Allocator.Share(c, 1), new Allocator.Share(a, 1),
                new Allocator.Share(b, 1)));
        assertThat(parts).containsEntry(a, 34L).containsEntry(b, 33L).containsEntry(c, 33L);
    }

    @Test
    void eighteenHouseholdsShareTheGooseLotToTheFen() {
        // 700 geese raised for 18 households of Xinggong village: the proceeds split 18 ways.
        List<Allocator.Share> shares = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            shares.add(new Allocator.Share(new UUID(0, i + 1), i < 16 ? 39 : 38));
        }
        long net = 700 * 12_800L - 700 * 300L;
        Map<UUID, Long> parts = Allocator.split(net, shares);
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(net);
    }

    @Test
    void grossMinusCostMinusZeroMarginIsTheNetAndCostNeverExceedsGross() {
        Random random = new Random(SEED + 3);
        for (int c = 0; c < CASES; c++) {
            long price = random.nextInt(1_000_000);
            long cost = random.nextInt(1_200_000) - 100_000;
            int quantity = random.nextInt(1_000);
            Allocator.LineAmounts amounts = Allocator.amounts(price, cost, quantity);
            assertThat(amounts.marginFen()).isZero();
            assertThat(amounts.grossFen()).isEqualTo(price * quantity);
            assertThat(amounts.costFen()).isBetween(0L, amounts.grossFen());
            assertThat(amounts.netFen()).isEqualTo(amounts.grossFen() - amounts.costFen()).isNotNegative();
        }
    }

    @Test
    void refusesSharesThatAreNotPositive() {
        assertThatThrownBy(() -> Allocator.split(100, List.of(new Allocator.Share(UUID.randomUUID(), 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocator.split(100, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static long randomAmount(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(20);
            case 1 -> random.nextInt(10_000);
            case 2 -> random.nextInt(100_000_000);
            default -> Math.abs(random.nextLong() % 1_000_000_000_000L);
        };
    }

    private static List<Allocator.Share> randomShares(Random random) {
        int households = 1 + random.nextInt(random.nextBoolean() ? 5 : 40);
        List<Allocator.Share> shares = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            long weight = random.nextBoolean() ? 1 + random.nextInt(10) : 1 + random.nextInt(1_000_000);
            shares.add(new Allocator.Share(new UUID(random.nextLong(), random.nextLong()), weight));
        }
        return shares;
    }
}
