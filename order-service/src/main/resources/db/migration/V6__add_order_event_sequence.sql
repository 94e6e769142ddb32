-- How many events each order has registered; the next event carries the next number in its envelope.
ALTER TABLE orders
    ADD COLUMN event_sequence BIGINT NOT NULL DEFAULT 0;
