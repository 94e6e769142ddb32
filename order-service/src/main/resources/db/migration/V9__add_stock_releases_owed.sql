-- The stock of every cancelled order is owed back to catalog: written in the transaction that cancels the order,
-- deleted once catalog has released the reservation. A release that failed (catalog down, order-service killed
-- after the cancellation committed) is retried from here; catalog's own expiry only gives back holds never
-- confirmed, not the units of a paid order cancelled or of a payment confirmed just before the order expired.
CREATE TABLE stock_release
(
    order_id   CHAR(36)     NOT NULL PRIMARY KEY,
    owed_since TIMESTAMP(6) NOT NULL,
    INDEX stock_release_by_age (owed_since)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Orders cancelled before this table existed may have lost their release the same way; releasing again is
-- harmless (catalog answers a released reservation as it is).
INSERT INTO stock_release (order_id, owed_since)
SELECT id, COALESCE(cancelled_at, placed_at) FROM orders WHERE status = 'CANCELLED';
