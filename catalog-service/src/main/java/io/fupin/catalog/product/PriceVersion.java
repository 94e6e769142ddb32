package io.fupin.catalog.product;

import java.time.Instant;

/** One price a product was offered at, from {@code effectiveFrom} until the next version. */
public record PriceVersion(int priceVersion, long priceFen, long costFen, String costReason, Instant effectiveFrom) {
}
