-- Settlement's own copy of the households it pays (from household-service.household-events.v1), so that
-- payout files can be written while household-service is down.
CREATE TABLE household
(
    household_id        CHAR(36)     NOT NULL PRIMARY KEY,
    registration_number VARCHAR(40)  NOT NULL,
    head_name           VARCHAR(100) NOT NULL,
    category            VARCHAR(20)  NULL,
    village_name        VARCHAR(100) NULL,
    town_name           VARCHAR(100) NULL,
    bank_name           VARCHAR(100) NULL,
    account_number      VARCHAR(64)  NULL,
    status              VARCHAR(20)  NULL,
    changed_at          TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every version of every benefit linkage (from household-service.linkage-events.v1). Versions are
-- immutable: an order line points at the version in force when it was paid.
CREATE TABLE linkage_version
(
    linkage_id     CHAR(36)     NOT NULL,
    version        INT          NOT NULL,
    product_id     CHAR(36)     NOT NULL,
    seller_id      CHAR(36)     NULL,
    lot_name       VARCHAR(200) NULL,
    effective_from TIMESTAMP(6) NOT NULL,
    recorded_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (linkage_id, version),
    INDEX linkage_version_by_product (product_id, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE linkage_share
(
    linkage_id   CHAR(36) NOT NULL,
    version      INT      NOT NULL,
    household_id CHAR(36) NOT NULL,
    shares       BIGINT   NOT NULL,
    PRIMARY KEY (linkage_id, version, household_id),
    CONSTRAINT linkage_share_positive CHECK (shares > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per paid order line: what it brought in, what of it is refunded, and whom it is allocated to
-- (linkage_id NULL: nobody yet, the net sits in suspense).
CREATE TABLE settled_line
(
    order_id          CHAR(36)     NOT NULL,
    line_no           INT          NOT NULL,
    product_id        CHAR(36)     NOT NULL,
    seller_id         CHAR(36)     NOT NULL,
    quantity          INT          NOT NULL,
    refunded_quantity INT          NOT NULL DEFAULT 0,
    unit_price_fen    BIGINT       NOT NULL,
    unit_cost_fen     BIGINT       NOT NULL,
    paid_at           TIMESTAMP(6) NOT NULL,
    completed_at      TIMESTAMP(6) NULL,
    linkage_id        CHAR(36)     NULL,
    linkage_version   INT          NULL,
    PRIMARY KEY (order_id, line_no),
    INDEX settled_line_by_product (product_id, paid_at),
    INDEX settled_line_by_paid_at (paid_at),
    INDEX settled_line_by_linkage (linkage_id),
    CONSTRAINT settled_line_refund_within_quantity CHECK (refunded_quantity >= 0 AND refunded_quantity <= quantity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The double-entry journal. Append-only: corrections are new entries (the triggers below refuse
-- UPDATE and DELETE). amount_fen is signed: debit positive, credit negative; each entry sums to zero.
CREATE TABLE journal_entry
(
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    entry_key    VARCHAR(160) NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    order_id     CHAR(36)     NULL,
    batch_id     CHAR(36)     NULL,
    effective_at TIMESTAMP(6) NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    memo         VARCHAR(300) NULL,
    UNIQUE KEY journal_entry_once (entry_key),
    INDEX journal_entry_by_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE journal_line
(
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id     CHAR(36)     NOT NULL,
    account      VARCHAR(30)  NOT NULL,
    party_id     CHAR(36)     NOT NULL DEFAULT '',
    amount_fen   BIGINT       NOT NULL,
    order_id     CHAR(36)     NULL,
    product_id   CHAR(36)     NULL,
    effective_at TIMESTAMP(6) NOT NULL,
    -- Both cover the balance and period queries (amount_fen included), which then never touch the rows.
    INDEX journal_line_by_account (account, party_id, effective_at, amount_fen),
    INDEX journal_line_by_entry (entry_id),
    INDEX journal_line_by_time (effective_at, account, amount_fen),
    CONSTRAINT journal_line_not_zero CHECK (amount_fen <> 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal entries are append-only';
CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal entries are append-only';
CREATE TRIGGER journal_line_no_update BEFORE UPDATE ON journal_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal lines are append-only';
CREATE TRIGGER journal_line_no_delete BEFORE DELETE ON journal_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'journal lines are append-only';
