package io.fupin.order.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SoldOutMarksTests {

    final AtomicLong now = new AtomicLong(1_000);
    final SoldOutMarks marks = new SoldOutMarks(Duration.ofSeconds(1), now::get);
    final ProductId product = new ProductId(UUID.randomUUID());

    @Test
    void refusesAtLeastTheRefusedQuantityOfAMarkedProductOnly() {
        marks.refused(product, 3);

        assertThat(marks.refusedLine(List.of(line(product, 3)))).isEqualTo(line(product, 3));
        assertThat(marks.refusedLine(List.of(line(new ProductId(UUID.randomUUID()), 1), line(product, 5)))).isEqualTo(line(product, 5));
        assertThat(marks.refusedLine(List.of(line(product, 2)))).as("2 units may still be there").isNull();
        assertThat(marks.refusedLine(List.of(line(new ProductId(UUID.randomUUID()), 1)))).isNull();
    }

    @Test
    void aSmallerRefusalLowersTheMark() {
        marks.refused(product, 3);
        marks.refused(product, 1);
        marks.refused(product, 2);

        assertThat(marks.refusedLine(List.of(line(product, 1)))).isNotNull();
    }

    @Test
    void aMarkLapsesSoThatARestockIsServed() {
        marks.refused(product, 1);
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(marks.refusedLine(List.of(line(product, 1)))).isNotNull();

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(marks.refusedLine(List.of(line(product, 1)))).isNull();

        // A lapsed mark is not lowered by the next refusal: that one starts afresh.
        marks.refused(product, 4);
        assertThat(marks.refusedLine(List.of(line(product, 1)))).isNull();
        assertThat(marks.refusedLine(List.of(line(product, 4)))).isNotNull();
    }

    @Test
    void aReleaseReopensItsProductsAtOnce() {
        ProductId other = new ProductId(UUID.randomUUID());
        marks.refused(product, 1);
        marks.refused(other, 1);

        marks.reopen(List.of(product));

        assertThat(marks.refusedLine(List.of(line(product, 1)))).isNull();
        assertThat(marks.refusedLine(List.of(line(other, 1)))).isNotNull();
    }

    @Test
    void noDurationTurnsTheFastPathOff() {
        SoldOutMarks off = new SoldOutMarks(Duration.ZERO, now::get);
        off.refused(product, 1);

        assertThat(off.refusedLine(List.of(line(product, 1)))).isNull();
    }

    private static CatalogStock.Line line(ProductId product, int quantity) {
        return new CatalogStock.Line(product, quantity);
    }
}
