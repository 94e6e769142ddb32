-- The order lifecycle: payment due time, payment, shipping, delivery, completion, cancellation.
ALTER TABLE orders
    ADD COLUMN payment_due_at          TIMESTAMP(6) NULL,
    ADD COLUMN payment_id              CHAR(36)     NULL,
    ADD COLUMN paid_at                 TIMESTAMP(6) NULL,
    ADD COLUMN shipped_at              TIMESTAMP(6) NULL,
    ADD COLUMN delivered_at            TIMESTAMP(6) NULL,
    ADD COLUMN delivered_automatically BOOLEAN      NULL,
    ADD COLUMN completed_at            TIMESTAMP(6) NULL,
    ADD COLUMN cancelled_at            TIMESTAMP(6) NULL,
    ADD COLUMN cancel_reason           VARCHAR(40)  NULL,
    ADD INDEX orders_by_status_due (status, payment_due_at),
    ADD INDEX orders_by_status_shipped (status, shipped_at),
    ADD INDEX orders_by_status_delivered (status, delivered_at);

UPDATE orders SET payment_due_at = placed_at + INTERVAL 30 MINUTE WHERE payment_due_at IS NULL;
ALTER TABLE orders MODIFY payment_due_at TIMESTAMP(6) NOT NULL;

ALTER TABLE order_line
    ADD COLUMN presale_delivery_date DATE        NULL,
    ADD COLUMN certificate_number    VARCHAR(64) NULL,
    ADD COLUMN refunded_quantity     INT         NOT NULL DEFAULT 0,
    ADD COLUMN tracking_number       VARCHAR(64) NULL,
    ADD COLUMN shipped_at            TIMESTAMP(6) NULL,
    ADD INDEX order_line_by_product (product_id),
    ADD CONSTRAINT order_line_refund_within_quantity CHECK (refunded_quantity BETWEEN 0 AND quantity);

-- Refunds of an order: a full refund on cancellation, a presale shortfall cut, or lines a consumer asked
-- back after delivery (requested, then accepted or rejected by the seller).
CREATE TABLE order_refund
(
    order_id     CHAR(36)     NOT NULL,
    refund_no    INT          NOT NULL,
    refund_id    CHAR(36)     NOT NULL,
    seller_id    CHAR(36)     NULL,
    reason       VARCHAR(40)  NOT NULL,
    note         VARCHAR(500) NULL,
    status       VARCHAR(20)  NOT NULL,
    total_fen    BIGINT       NOT NULL,
    requested_at TIMESTAMP(6) NOT NULL,
    decided_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (order_id, refund_no),
    UNIQUE KEY order_refund_by_id (refund_id),
    CONSTRAINT order_refund_of_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE order_refund_line
(
    order_id       CHAR(36) NOT NULL,
    entry_no       INT      NOT NULL,
    refund_id      CHAR(36) NOT NULL,
    product_id     CHAR(36) NOT NULL,
    seller_id      CHAR(36) NOT NULL,
    quantity       INT      NOT NULL,
    unit_price_fen BIGINT   NOT NULL,
    unit_cost_fen  BIGINT   NOT NULL,
    amount_fen     BIGINT   NOT NULL,
    presale_delivery_date DATE NULL,
    PRIMARY KEY (order_id, entry_no),
    CONSTRAINT order_refund_line_of_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Payments through a provider (the built-in sandbox, or a real wallet behind the same port).
CREATE TABLE payment
(
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    order_id         CHAR(36)     NOT NULL,
    buyer_id         VARCHAR(100) NOT NULL,
    amount_fen       BIGINT       NOT NULL,
    provider         VARCHAR(20)  NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    provider_trade_no VARCHAR(64) NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    paid_at          TIMESTAMP(6) NULL,
    version          BIGINT       NOT NULL,
    INDEX payment_by_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Callbacks that could not be accepted as they were (amount mismatch ...), kept for a clerk to look at.
CREATE TABLE payment_flag
(
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    payment_id          CHAR(36)     NOT NULL,
    reason              VARCHAR(40)  NOT NULL,
    expected_amount_fen BIGINT       NOT NULL,
    reported_amount_fen BIGINT       NOT NULL,
    provider_trade_no   VARCHAR(64)  NULL,
    flagged_at          TIMESTAMP(6) NOT NULL,
    INDEX payment_flag_by_time (flagged_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Money sent back through the provider, once per refund id.
CREATE TABLE payment_refund
(
    refund_id   CHAR(36)     NOT NULL PRIMARY KEY,
    payment_id  CHAR(36)     NOT NULL,
    order_id    CHAR(36)     NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    reason      VARCHAR(40)  NOT NULL,
    refunded_at TIMESTAMP(6) NOT NULL,
    INDEX payment_refund_by_payment (payment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The sandbox wallet's own books (what a real provider keeps on its side).
CREATE TABLE sandbox_transaction
(
    payment_id   CHAR(36)     NOT NULL PRIMARY KEY,
    trade_no     VARCHAR(64)  NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    refunded_fen BIGINT       NOT NULL DEFAULT 0,
    status       VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    UNIQUE KEY sandbox_transaction_by_trade_no (trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Livestream per-buyer limits: a product's own limit (else the configured default) and what each buyer
-- holds of it; every order records what it took so that taking is idempotent and can be given back.
CREATE TABLE livestream_limit
(
    product_id          CHAR(36)     NOT NULL PRIMARY KEY,
    max_units_per_buyer INT          NOT NULL,
    updated_at          TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livestream_purchase
(
    product_id CHAR(36)     NOT NULL,
    buyer_id   VARCHAR(100) NOT NULL,
    units      INT          NOT NULL,
    PRIMARY KEY (product_id, buyer_id),
    CONSTRAINT livestream_purchase_not_negative CHECK (units >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livestream_allowance
(
    order_id   CHAR(36)     NOT NULL,
    product_id CHAR(36)     NOT NULL,
    buyer_id   VARCHAR(100) NOT NULL,
    quantity   INT          NOT NULL,
    PRIMARY KEY (order_id, product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
