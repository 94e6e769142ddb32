-- Sellers: cooperatives, enterprises and village collectives, identified by their unified social credit code.
CREATE TABLE seller
(
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    kind           VARCHAR(30)  NOT NULL,
    credit_code    CHAR(18)     NOT NULL,
    contact_name   VARCHAR(100) NOT NULL,
    contact_phone  VARCHAR(30)  NOT NULL,
    town           VARCHAR(100) NOT NULL,
    village        VARCHAR(100) NOT NULL,
    registered_at  TIMESTAMP(6) NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT seller_credit_code_unique UNIQUE (credit_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Products gain what consumers and officials need: descriptive fields, the certificate, presale terms,
-- a price version (orders keep the version they were reserved at) and the stock last announced in a
-- StockChanged event (so that stock events are coalesced, not one per sale).
ALTER TABLE product
    ADD COLUMN seller_name            VARCHAR(200)  NOT NULL DEFAULT '',
    ADD COLUMN brand                  VARCHAR(100)  NULL,
    ADD COLUMN description            TEXT          NULL,
    ADD COLUMN cost_reason            VARCHAR(500)  NULL,
    ADD COLUMN town                   VARCHAR(100)  NOT NULL DEFAULT '',
    ADD COLUMN village                VARCHAR(100)  NOT NULL DEFAULT '',
    ADD COLUMN pinyin                 VARCHAR(2000) NOT NULL DEFAULT '',
    ADD COLUMN presale_delivery_date  DATE          NULL,
    ADD COLUMN presale_capacity       INT           NULL,
    ADD COLUMN certificate_number     VARCHAR(64)   NULL,
    ADD COLUMN certificate_issuer     VARCHAR(200)  NULL,
    ADD COLUMN certificate_valid_from DATE          NULL,
    ADD COLUMN certificate_valid_until DATE         NULL,
    ADD COLUMN status_reason          VARCHAR(500)  NULL,
    ADD COLUMN price_version          INT           NOT NULL DEFAULT 1,
    ADD COLUMN changed_at             TIMESTAMP(6)  NULL,
    ADD COLUMN published_stock        INT           NULL,
    ADD INDEX product_by_status_created (status, created_at),
    ADD INDEX product_by_status_certificate (status, certificate_valid_until);

UPDATE product SET changed_at = created_at, published_stock = stock;

-- Every price a product was ever offered at; a reservation line names the version it was made at.
CREATE TABLE product_price
(
    product_id     CHAR(36)     NOT NULL,
    price_version  INT          NOT NULL,
    price_fen      BIGINT       NOT NULL,
    cost_fen       BIGINT       NOT NULL,
    cost_reason    VARCHAR(500) NULL,
    effective_from TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (product_id, price_version),
    CONSTRAINT product_price_of_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO product_price (product_id, price_version, price_fen, cost_fen, cost_reason, effective_from)
SELECT id, 1, price_fen, cost_fen, NULL, created_at FROM product;

ALTER TABLE reservation_line
    ADD COLUMN price_version         INT         NOT NULL DEFAULT 1,
    ADD COLUMN presale_delivery_date DATE        NULL,
    ADD COLUMN certificate_number    VARCHAR(64) NULL;
