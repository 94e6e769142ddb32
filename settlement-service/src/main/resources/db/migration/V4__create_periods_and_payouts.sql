-- Closing periods is serialised on this one row, so that two clerks cannot close overlapping periods at once.
CREATE TABLE period_lock
(
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT INTO period_lock (id) VALUES (1);

CREATE TABLE settlement_period
(
    id        CHAR(36)     NOT NULL PRIMARY KEY,
    first_day DATE         NOT NULL,
    last_day  DATE         NOT NULL,
    starts_at TIMESTAMP(6) NOT NULL,
    ends_at   TIMESTAMP(6) NOT NULL,
    closed_by VARCHAR(100) NOT NULL,
    closed_at TIMESTAMP(6) NOT NULL,
    report    MEDIUMTEXT   NOT NULL,
    version   BIGINT       NOT NULL,
    UNIQUE KEY settlement_period_first_day (first_day),
    CONSTRAINT settlement_period_ordered CHECK (first_day <= last_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payout_batch
(
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    period_id      CHAR(36)     NOT NULL,
    reference      VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    total_fen      BIGINT       NOT NULL,
    closed_by      VARCHAR(100) NOT NULL,
    closed_at      TIMESTAMP(6) NOT NULL,
    approved_by    VARCHAR(100) NULL,
    approved_at    TIMESTAMP(6) NULL,
    exported_by    VARCHAR(100) NULL,
    exported_at    TIMESTAMP(6) NULL,
    paid_by        VARCHAR(100) NULL,
    paid_at        TIMESTAMP(6) NULL,
    bank_reference VARCHAR(100) NULL,
    version        BIGINT       NOT NULL,
    UNIQUE KEY payout_batch_period (period_id),
    UNIQUE KEY payout_batch_reference (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Payout details are copied at close, so the file the bank gets is the one the checker approved.
CREATE TABLE payout_line
(
    batch_id            CHAR(36)     NOT NULL,
    household_id        CHAR(36)     NOT NULL,
    amount_fen          BIGINT       NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    registration_number VARCHAR(40)  NOT NULL,
    head_name           VARCHAR(100) NOT NULL,
    bank_name           VARCHAR(100) NOT NULL,
    account_number      VARCHAR(64)  NOT NULL,
    order_ids           MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (batch_id, household_id),
    CONSTRAINT payout_line_positive CHECK (amount_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
