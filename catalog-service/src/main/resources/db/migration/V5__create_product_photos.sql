-- The photo a seller uploaded for a product, one per product, kept in the database so that every instance
-- serves it (no shared directory to mount). etag is the start of the image's SHA-256: it names the version
-- in the photo's address and answers If-None-Match without reading the image.
CREATE TABLE product_photo
(
    product_id   CHAR(36)     NOT NULL PRIMARY KEY,
    media_type   VARCHAR(20)  NOT NULL,
    width        INT          NOT NULL,
    height       INT          NOT NULL,
    size_bytes   INT          NOT NULL,
    etag         CHAR(16)     NOT NULL,
    image        MEDIUMBLOB   NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    uploaded_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT product_photo_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
