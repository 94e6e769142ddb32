-- A linkage is saved as one aggregate (BenefitLinkage): saving it replaces its versions' and shares' rows with the
-- same values in one transaction, versions before shares or after. The shares of a version go with it, so that the
-- order does not matter; a share still cannot name a version that does not exist.
ALTER TABLE benefit_linkage_share DROP FOREIGN KEY linkage_share_version;
ALTER TABLE benefit_linkage_share ADD CONSTRAINT linkage_share_version FOREIGN KEY (linkage_id, version)
    REFERENCES benefit_linkage_version (linkage_id, version) ON DELETE CASCADE;
