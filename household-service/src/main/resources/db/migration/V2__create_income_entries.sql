CREATE TABLE income_entry
(
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    household_id    CHAR(36)     NOT NULL,
    batch_id        CHAR(36)     NOT NULL,
    batch_reference VARCHAR(50)  NOT NULL,
    amount_fen      BIGINT       NOT NULL,
    order_ids       MEDIUMTEXT   NOT NULL,
    paid_at         TIMESTAMP(6) NOT NULL,
    recorded_at     TIMESTAMP(6) NOT NULL,
    -- A household is paid at most once per batch, whatever happens upstream.
    UNIQUE KEY income_entry_once_per_batch (batch_id, household_id),
    INDEX income_entry_by_household (household_id, paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
