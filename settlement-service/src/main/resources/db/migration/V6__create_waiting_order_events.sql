-- Order events that follow a payment (a refund, the completion, a paid order's cancellation) and arrived
-- before it: kept here, applied in the producer's order when the payment arrives, then deleted.
CREATE TABLE waiting_order_event
(
    event_id    CHAR(36)     NOT NULL PRIMARY KEY,
    order_id    CHAR(36)     NOT NULL,
    event_type  VARCHAR(40)  NOT NULL,
    sequence    BIGINT       NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    received_at TIMESTAMP(6) NOT NULL,
    envelope    MEDIUMTEXT   NOT NULL,
    INDEX waiting_order_event_by_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
