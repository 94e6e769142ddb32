CREATE TABLE product
(
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    seller_id   CHAR(36)     NOT NULL,
    name        VARCHAR(200) NOT NULL,
    category    VARCHAR(20)  NOT NULL,
    unit        VARCHAR(50)  NOT NULL,
    price_fen   BIGINT       NOT NULL,
    cost_fen    BIGINT       NOT NULL,
    stock       INT          NOT NULL,
    status      VARCHAR(30)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT product_price_positive CHECK (price_fen > 0),
    CONSTRAINT product_cost_within_price CHECK (cost_fen >= 0 AND cost_fen <= price_fen),
    CONSTRAINT product_stock_never_negative CHECK (stock >= 0),
    INDEX product_by_seller (seller_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One reservation per order: the order id makes reserve, confirm and release idempotent.
CREATE TABLE reservation
(
    order_id    CHAR(36)     NOT NULL PRIMARY KEY,
    status      VARCHAR(20)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    version     BIGINT       NOT NULL,
    INDEX reservation_by_status_expiry (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reservation_line
(
    order_id    CHAR(36)     NOT NULL,
    line_no     INT          NOT NULL,
    product_id  CHAR(36)     NOT NULL,
    seller_id   CHAR(36)     NOT NULL,
    quantity    INT          NOT NULL,
    price_fen   BIGINT       NOT NULL,
    cost_fen    BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT reservation_line_of_reservation FOREIGN KEY (order_id) REFERENCES reservation (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
