-- Would-be sellers apply (credit code, name, contacts, document references); an official approves, which
-- registers the seller, or rejects with the reason the applicant reads. Decided applications stay as the record.
CREATE TABLE seller_application
(
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    applicant      VARCHAR(100)  NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    kind           VARCHAR(30)   NOT NULL,
    credit_code    CHAR(18)      NOT NULL,
    contact_name   VARCHAR(100)  NOT NULL,
    contact_phone  VARCHAR(30)   NOT NULL,
    town           VARCHAR(100)  NOT NULL,
    village        VARCHAR(100)  NOT NULL,
    -- one reference a line (a registry number, an archive number, an address where the scan is kept)
    documents      VARCHAR(4000) NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    submitted_at   TIMESTAMP(6)  NOT NULL,
    decided_by     VARCHAR(100)  NULL,
    decided_at     TIMESTAMP(6)  NULL,
    reason         VARCHAR(500)  NULL,
    seller_id      CHAR(36)      NULL,
    -- at most one pending application per applicant and per credit code: set while pending, NULL once decided
    pending_applicant   VARCHAR(100) NULL,
    pending_credit_code CHAR(18)     NULL,
    UNIQUE KEY seller_application_one_pending_per_applicant (pending_applicant),
    UNIQUE KEY seller_application_one_pending_per_code (pending_credit_code),
    INDEX seller_application_by_applicant (applicant, submitted_at),
    INDEX seller_application_by_status (status, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
