-- A product's benefit linkage: one per product, owned by the product's seller.
CREATE TABLE benefit_linkage
(
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    product_id CHAR(36)     NOT NULL,
    seller_id  CHAR(36)     NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    UNIQUE KEY benefit_linkage_per_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Versions are never changed once written: settlement relies on the one in force at payment time.
CREATE TABLE benefit_linkage_version
(
    linkage_id     CHAR(36)     NOT NULL,
    version        INT          NOT NULL,
    lot_name       VARCHAR(100) NULL,
    effective_from TIMESTAMP(6) NOT NULL,
    declared_by    VARCHAR(100) NOT NULL,
    declared_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (linkage_id, version),
    CONSTRAINT linkage_version_linkage FOREIGN KEY (linkage_id) REFERENCES benefit_linkage (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE benefit_linkage_share
(
    linkage_id   CHAR(36) NOT NULL,
    version      INT      NOT NULL,
    household_id CHAR(36) NOT NULL,
    shares       INT      NOT NULL,
    PRIMARY KEY (linkage_id, version, household_id),
    INDEX linkage_share_by_household (household_id),
    CONSTRAINT linkage_share_version FOREIGN KEY (linkage_id, version) REFERENCES benefit_linkage_version (linkage_id, version),
    CONSTRAINT linkage_share_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT linkage_share_positive CHECK (shares > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 三訂: an enterprise agrees to buy a household's output at a price and standard.
CREATE TABLE purchase_agreement
(
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    household_id      CHAR(36)     NOT NULL,
    enterprise_name   VARCHAR(100) NOT NULL,
    seller_id         CHAR(36)     NULL,
    product_id        CHAR(36)     NULL,
    produce           VARCHAR(100) NOT NULL,
    quality_standard  VARCHAR(500) NOT NULL,
    unit              VARCHAR(20)  NOT NULL,
    unit_price_fen    BIGINT       NOT NULL,
    agreed_quantity   BIGINT       NOT NULL,
    valid_from        DATE         NOT NULL,
    valid_until       DATE         NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       TIMESTAMP(6) NOT NULL,
    INDEX purchase_agreement_by_household (household_id),
    CONSTRAINT purchase_agreement_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the enterprise actually took in under an agreement, valued at the agreed price.
CREATE TABLE purchase_delivery
(
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    agreement_id CHAR(36)     NOT NULL,
    delivered_on DATE         NOT NULL,
    quantity     BIGINT       NOT NULL,
    value_fen    BIGINT       NOT NULL,
    note         VARCHAR(500) NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    INDEX purchase_delivery_by_agreement (agreement_id, delivered_on),
    CONSTRAINT purchase_delivery_agreement FOREIGN KEY (agreement_id) REFERENCES purchase_agreement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Presale: a household offers future output of a linked product ...
CREATE TABLE presale_offer
(
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    household_id  CHAR(36)     NOT NULL,
    product_id    CHAR(36)     NOT NULL,
    description   VARCHAR(500) NOT NULL,
    delivery_date DATE         NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    offered_by    VARCHAR(100) NOT NULL,
    offered_at    TIMESTAMP(6) NOT NULL,
    UNIQUE KEY presale_offer_once (household_id, product_id, delivery_date),
    INDEX presale_offer_by_product (product_id),
    CONSTRAINT presale_offer_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ... and each distinct buyer of a paid presale line of that product subscribes to every household
-- linked to the product at payment time. Distinct by construction.
CREATE TABLE presale_subscription
(
    household_id    CHAR(36)     NOT NULL,
    product_id      CHAR(36)     NOT NULL,
    buyer_id        VARCHAR(100) NOT NULL,
    first_order_id  CHAR(36)     NOT NULL,
    subscribed_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (household_id, product_id, buyer_id),
    INDEX presale_subscription_by_product (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
