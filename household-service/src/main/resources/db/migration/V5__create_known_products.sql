-- The products catalog-service announced on catalog-service.product-events.v1, with their seller: only a
-- product's own seller may declare its benefit linkage. The state with the highest revision is kept.
CREATE TABLE known_product
(
    product_id  CHAR(36)     NOT NULL PRIMARY KEY,
    seller_id   CHAR(36)     NOT NULL,
    status      VARCHAR(40)  NOT NULL,
    revision    BIGINT       NOT NULL,
    recorded_at TIMESTAMP(6) NOT NULL,
    INDEX known_product_by_seller (seller_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
