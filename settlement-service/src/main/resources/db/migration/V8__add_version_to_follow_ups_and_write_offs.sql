-- Follow-ups and write-offs are Spring Data JDBC aggregates with ids of their own: the version tells a new one
-- (inserted) from a stored one (updated under an optimistic lock).
ALTER TABLE suspense_follow_up ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE owed_write_off ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
