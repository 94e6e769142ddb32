CREATE TABLE settlement_order
(
    order_id     CHAR(36)     NOT NULL PRIMARY KEY,
    order_number VARCHAR(24)  NOT NULL,
    channel      VARCHAR(20)  NOT NULL,
    gross_fen    BIGINT       NOT NULL,
    cost_fen     BIGINT       NOT NULL,
    line_count   INT          NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    placed_at    TIMESTAMP(6) NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT settlement_order_cost_within_gross CHECK (cost_fen >= 0 AND cost_fen <= gross_fen)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
