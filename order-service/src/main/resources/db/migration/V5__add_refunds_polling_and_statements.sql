-- Pending payments are polled from the provider at growing intervals until they settle.
ALTER TABLE payment
    ADD COLUMN next_poll_at  TIMESTAMP(6) NULL,
    ADD COLUMN poll_attempts INT          NOT NULL DEFAULT 0,
    ADD INDEX payment_to_poll (status, next_poll_at);

-- Every refund owed, written in the transaction that decides it, sent by a retrying worker until the
-- provider confirms (OWED -> SENT), or voided when the payment it waited for was closed unpaid.
CREATE TABLE refund
(
    refund_id       CHAR(36)     NOT NULL PRIMARY KEY,
    order_id        CHAR(36)     NOT NULL,
    payment_id      CHAR(36)     NULL,
    amount_fen      BIGINT       NOT NULL,
    reason          VARCHAR(40)  NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    last_error      VARCHAR(500) NULL,
    decided_at      TIMESTAMP(6) NOT NULL,
    sent_at         TIMESTAMP(6) NULL,
    INDEX refund_due (status, next_attempt_at),
    INDEX refund_by_payment (payment_id),
    INDEX refund_by_order (order_id),
    CONSTRAINT refund_positive CHECK (amount_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The refunds sent so far were sent in the transaction that recorded them.
INSERT INTO refund (refund_id, order_id, payment_id, amount_fen, reason, status, attempts, next_attempt_at, decided_at, sent_at)
SELECT refund_id, order_id, payment_id, amount_fen, reason, 'SENT', 1, refunded_at, refunded_at, refunded_at
FROM payment_refund;
DROP TABLE payment_refund;

-- Nonces of the provider's callbacks within their freshness window: a callback seen before is a replay.
CREATE TABLE callback_nonce
(
    provider    VARCHAR(20)  NOT NULL,
    nonce       VARCHAR(100) NOT NULL,
    received_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (provider, nonce),
    INDEX callback_nonce_by_time (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The sandbox wallet's books: when it took the money (its statement is by day), and its refunds by id.
ALTER TABLE sandbox_transaction
    ADD COLUMN paid_at TIMESTAMP(6) NULL,
    ADD INDEX sandbox_transaction_by_paid_at (paid_at);
UPDATE sandbox_transaction SET paid_at = created_at WHERE status <> 'CREATED';

CREATE TABLE sandbox_refund
(
    refund_id   CHAR(36)     NOT NULL PRIMARY KEY,
    payment_id  CHAR(36)     NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    refunded_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The provider's daily statements as imported, and every difference from the books they showed.
CREATE TABLE statement_import
(
    provider        VARCHAR(20)  NOT NULL,
    day             DATE         NOT NULL,
    imported_at     TIMESTAMP(6) NOT NULL,
    entries         INT          NOT NULL,
    there_total_fen BIGINT       NOT NULL,
    here_total_fen  BIGINT       NOT NULL,
    PRIMARY KEY (provider, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE statement_difference
(
    provider           VARCHAR(20)  NOT NULL,
    day                DATE         NOT NULL,
    payment_id         CHAR(36)     NOT NULL,
    kind               VARCHAR(30)  NOT NULL,
    here_status        VARCHAR(20)  NULL,
    here_amount_fen    BIGINT       NULL,
    there_amount_fen   BIGINT       NULL,
    here_refunded_fen  BIGINT       NULL,
    there_refunded_fen BIGINT       NULL,
    detail             VARCHAR(500) NOT NULL,
    PRIMARY KEY (provider, day, payment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
