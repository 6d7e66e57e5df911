-- A change's release comparison reads the items of one version of a service (all time, not a
-- window): without this it would scan every item of the service.
CREATE INDEX ix_feedback_service_version ON feedback (service_key, version);
