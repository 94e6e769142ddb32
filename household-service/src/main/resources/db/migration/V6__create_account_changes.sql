-- A new payout account for a household waits here until a second person (not the one who asked) approves it.
-- The number is stored as the household's are: ciphertext plus its masked form.
CREATE TABLE household_account_change
(
    id                   CHAR(36)     NOT NULL PRIMARY KEY,
    household_id         CHAR(36)     NOT NULL,
    bank_name            VARCHAR(100) NOT NULL,
    account_cipher       VARCHAR(200) NOT NULL,
    account_masked       VARCHAR(40)  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    requested_by         VARCHAR(100) NOT NULL,
    requested_at         TIMESTAMP(6) NOT NULL,
    decided_by           VARCHAR(100) NULL,
    decided_at           TIMESTAMP(6) NULL,
    -- one pending change per household: the household's id while pending, NULL once decided
    pending_household_id CHAR(36)     NULL,
    UNIQUE KEY account_change_one_pending (pending_household_id),
    INDEX account_change_by_status (status, requested_at),
    CONSTRAINT account_change_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
