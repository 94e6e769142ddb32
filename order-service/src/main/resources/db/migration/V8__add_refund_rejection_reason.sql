-- Why a seller rejected a refund request, as the buyer reads it on the order.
ALTER TABLE order_refund ADD COLUMN rejection_reason VARCHAR(500) NULL AFTER decided_at;
