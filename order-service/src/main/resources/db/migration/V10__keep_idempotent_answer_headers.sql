-- An idempotent answer is kept with its Content-Type and Location, so that a replay answers them as first sent
-- instead of each handler rebuilding them. Answers kept before: a problem below 400 never was, so the status
-- tells the type; an order placed (201, not a payment) was located at its id.
ALTER TABLE idempotency_key
    ADD COLUMN response_type     VARCHAR(100) NULL AFTER response_body,
    ADD COLUMN response_location VARCHAR(500) NULL AFTER response_type;

UPDATE idempotency_key
SET response_type = IF(response_status >= 400, 'application/problem+json', 'application/json')
WHERE response_status IS NOT NULL;

UPDATE idempotency_key
SET response_location = CONCAT('/api/orders/', JSON_VALUE(response_body, '$.id'))
WHERE response_status = 201 AND scope NOT LIKE 'payment:%';
