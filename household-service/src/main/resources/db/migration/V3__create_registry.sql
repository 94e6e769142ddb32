-- Places: district -> town (鎮/鄉) -> village (村). A name is unique among its siblings.
CREATE TABLE place
(
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    kind       VARCHAR(10)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    parent_id  CHAR(36)     NULL,
    parent_key CHAR(36)     NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    UNIQUE KEY place_name_among_siblings (parent_key, name),
    INDEX place_by_parent (parent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Households. Identity and account numbers are AES-GCM ciphertexts; the masked forms are kept beside
-- them so that lists never need the key, and identity_index (an HMAC) lets us refuse a second
-- household for the same person without storing the number in clear.
CREATE TABLE household
(
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    registration_number VARCHAR(40)  NOT NULL,
    head_name           VARCHAR(60)  NOT NULL,
    identity_cipher     VARCHAR(200) NOT NULL,
    identity_masked     VARCHAR(18)  NOT NULL,
    identity_index      CHAR(64)     NOT NULL,
    mobile              VARCHAR(20)  NOT NULL,
    members             INT          NOT NULL,
    category            VARCHAR(20)  NOT NULL,
    village_id          CHAR(36)     NOT NULL,
    income_projects     VARCHAR(200) NOT NULL,
    bank_name           VARCHAR(100) NOT NULL,
    account_cipher      VARCHAR(200) NOT NULL,
    account_masked      VARCHAR(40)  NOT NULL,
    annual_target_fen   BIGINT       NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    registered_at       TIMESTAMP(6) NOT NULL,
    changed_at          TIMESTAMP(6) NOT NULL,
    version             BIGINT       NOT NULL,
    UNIQUE KEY household_registration_number (registration_number),
    UNIQUE KEY household_identity (identity_index),
    INDEX household_by_village (village_id),
    CONSTRAINT household_village FOREIGN KEY (village_id) REFERENCES place (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who saw which unmasked record, who changed what, and when. Append-only.
CREATE TABLE audit_entry
(
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  TIMESTAMP(6) NOT NULL,
    actor        VARCHAR(100) NOT NULL,
    actor_roles  VARCHAR(100) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    subject_type VARCHAR(40)  NOT NULL,
    subject_id   VARCHAR(64)  NULL,
    detail       TEXT         NOT NULL,
    INDEX audit_by_subject (subject_id, occurred_at),
    INDEX audit_by_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
