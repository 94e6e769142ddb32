package io.fupin.order.stock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sold-out fast path: what catalog last refused, per product, remembered for a short time. While a product is
 * marked, an order asking at least the refused quantity of it is refused here, without a reservation round trip
 * (after a livestream sells out, almost every attempt is such a refusal). A mark only ever refuses what catalog
 * itself refused moments before: it says "fewer than {@code quantity} units were on sale", and stock grows back only
 * through a restock or a released reservation. A release made by this instance lifts the marks of its products at
 * once; a restock, or a release elsewhere, is seen when the mark lapses ({@code fupin.catalog.sold-out-for},
 * 1 s by default; 0 turns the fast path off). Marks are per instance and never reserve anything, so they cannot
 * oversell.
 */
public final class SoldOutMarks {

    private record Mark(int refusedQuantity, long until) {
    }

    private final Map<ProductId, Mark> marks = new ConcurrentHashMap<>();
    private final long forNanos;
    private final LongSupplier nanoTime;

    public SoldOutMarks(Duration markFor) {
        this(markFor, System::nanoTime);
    }

    SoldOutMarks(Duration markFor, LongSupplier nanoTime) {
        this.forNanos = markFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Catalog refused {@code quantity} units of the product just now. */
    public void refused(ProductId productId, int quantity) {
        if (forNanos <= 0) {
            return;
        }
        long until = nanoTime.getAsLong() + forNanos;
        marks.merge(productId, new Mark(quantity, until), (old, now) -> old.until() - nanoTime.getAsLong() > 0
                ? new Mark(Math.min(old.refusedQuantity(), quantity), until) : now);
    }

    /** Stock of these products may be back (a reservation was released): ask catalog again. */
    public void reopen(Iterable<ProductId> productIds) {
        productIds.forEach(marks::remove);
    }

    /** @return the first line catalog would refuse according to a live mark, or {@code null} */
    public CatalogStock.Line refusedLine(List<CatalogStock.Line> lines) {
        if (marks.isEmpty()) {
            return null;
        }
        long now = nanoTime.getAsLong();
        for (CatalogStock.Line line : lines) {
            Mark mark = marks.get(line.productId());
            if (mark == null) {
                continue;
            }
            if (mark.until() - now <= 0) {
                marks.remove(line.productId(), mark);
            } else if (line.quantity() >= mark.refusedQuantity()) {
                return line;
            }
        }
        return null;
    }
}
