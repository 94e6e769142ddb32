-- A livestream show: the products it sells and when. While it runs, its per-buyer limit applies to those
-- products in every channel, whatever channel an order names.
CREATE TABLE livestream_show
(
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    title               VARCHAR(200) NOT NULL,
    starts_at           TIMESTAMP(6) NOT NULL,
    ends_at             TIMESTAMP(6) NOT NULL,
    max_units_per_buyer INT          NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    CONSTRAINT livestream_show_ends_after_start CHECK (ends_at > starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livestream_show_product
(
    show_id    CHAR(36) NOT NULL,
    product_id CHAR(36) NOT NULL,
    PRIMARY KEY (show_id, product_id),
    INDEX livestream_show_product_by_product (product_id),
    CONSTRAINT livestream_show_product_of_show FOREIGN KEY (show_id) REFERENCES livestream_show (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
