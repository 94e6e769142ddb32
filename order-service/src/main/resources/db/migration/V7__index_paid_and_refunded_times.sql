-- settlement-service asks for each day's paid and refunded money per order (its cross-service reconciliation):
-- both are read by time range.
ALTER TABLE orders
    ADD INDEX orders_by_paid_at (paid_at);
ALTER TABLE order_refund
    ADD INDEX order_refund_by_decision (status, decided_at);
