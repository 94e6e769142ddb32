CREATE TABLE orders
(
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    order_number      VARCHAR(24)  NOT NULL,
    buyer_id          VARCHAR(100) NOT NULL,
    buyer_kind        VARCHAR(20)  NOT NULL,
    organisation_name VARCHAR(200) NULL,
    channel           VARCHAR(20)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    total_fen         BIGINT       NOT NULL,
    contact_name      VARCHAR(100) NOT NULL,
    contact_mobile    VARCHAR(20)  NOT NULL,
    contact_address   VARCHAR(300) NOT NULL,
    placed_at         TIMESTAMP(6) NOT NULL,
    version           BIGINT       NOT NULL,
    CONSTRAINT orders_total_not_negative CHECK (total_fen >= 0),
    UNIQUE KEY orders_by_number (order_number),
    INDEX orders_by_buyer (buyer_id, placed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE order_line
(
    order_id       CHAR(36) NOT NULL,
    line_no        INT      NOT NULL,
    product_id     CHAR(36) NOT NULL,
    seller_id      CHAR(36) NOT NULL,
    quantity       INT      NOT NULL,
    unit_price_fen BIGINT   NOT NULL,
    unit_cost_fen  BIGINT   NOT NULL,
    amount_fen     BIGINT   NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_of_order FOREIGN KEY (order_id) REFERENCES orders (id),
    INDEX order_line_by_seller (seller_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotency-Key: scoped to the caller, fingerprinted, resumable through resource_id.
CREATE TABLE idempotency_key
(
    scope           VARCHAR(100) NOT NULL,
    idem_key        VARCHAR(100) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    resource_id     CHAR(36)     NOT NULL,
    response_status INT          NULL,
    response_body   MEDIUMTEXT   NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (scope, idem_key),
    INDEX idempotency_key_by_age (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
