-- A raise of a certified product's pass-through cost, waiting for an official with the seller's evidence.
-- The product keeps its price and cost until the change is approved; decided changes stay as the record.
CREATE TABLE cost_change
(
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    product_id     CHAR(36)     NOT NULL,
    seller_id      CHAR(36)     NOT NULL,
    price_fen      BIGINT       NOT NULL,
    cost_fen       BIGINT       NOT NULL,
    cost_reason    VARCHAR(500) NOT NULL,
    evidence       VARCHAR(2000) NOT NULL,
    current_price_fen BIGINT    NOT NULL,
    current_cost_fen BIGINT     NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    requested_by   VARCHAR(100) NOT NULL,
    requested_at   TIMESTAMP(6) NOT NULL,
    decided_by     VARCHAR(100) NULL,
    decided_at     TIMESTAMP(6) NULL,
    decision_note  VARCHAR(500) NULL,
    -- at most one pending change per product: the product id while pending, NULL once decided (NULLs do not clash)
    pending_product_id CHAR(36) NULL,
    UNIQUE KEY cost_change_one_pending (pending_product_id),
    INDEX cost_change_by_product (product_id, requested_at),
    INDEX cost_change_by_status (status, requested_at),
    CONSTRAINT cost_change_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
