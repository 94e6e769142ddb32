-- A clerk's request to the seller (or an official) to declare the linkage a line in suspense lacks: a note kept
-- with who asked and when, listed until the line leaves suspense. Money does not move.
CREATE TABLE suspense_follow_up
(
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    order_id   CHAR(36)     NOT NULL,
    line_no    INT          NOT NULL,
    product_id CHAR(36)     NOT NULL,
    seller_id  CHAR(36)     NOT NULL,
    note       VARCHAR(500) NOT NULL,
    asked_by   VARCHAR(100) NOT NULL,
    asked_at   TIMESTAMP(6) NOT NULL,
    INDEX suspense_follow_up_by_line (order_id, line_no),
    INDEX suspense_follow_up_by_seller (seller_id, asked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a household owes back after a clawback and a clerk proposes not to recover: proposed by one clerk,
-- approved by another (maker-checker, like payout batches); only the approval posts to the ledger.
CREATE TABLE owed_write_off
(
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    household_id CHAR(36)     NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    note         VARCHAR(500) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    proposed_by  VARCHAR(100) NOT NULL,
    proposed_at  TIMESTAMP(6) NOT NULL,
    decided_by   VARCHAR(100) NULL,
    decided_at   TIMESTAMP(6) NULL,
    -- Set while proposed, NULL once decided: at most one proposal waits per household.
    pending_household CHAR(36) NULL,
    UNIQUE KEY owed_write_off_one_pending (pending_household),
    INDEX owed_write_off_by_household (household_id, proposed_at),
    CONSTRAINT owed_write_off_positive CHECK (amount_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
