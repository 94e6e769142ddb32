ALTER TABLE settlement_order
    ADD COLUMN paid_at      TIMESTAMP(6) NULL,
    ADD COLUMN completed_at TIMESTAMP(6) NULL,
    ADD COLUMN refunded_fen BIGINT       NOT NULL DEFAULT 0;
