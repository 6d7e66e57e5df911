-- Operations figures pre-aggregated where the facts are written (issue 14). At 100,000 incidents the
-- figures spent their time re-deriving two facts at every call: which incidents opened in a
-- deployment's verification window (a range of the service's incidents for each deployment), and
-- whether an incident was ever escalated (its timeline, for each incident). Both are now recorded
-- when the facts happen, in the same transaction, and back-filled here with the same definitions.

-- An incident of the deployment's service opened in its verification window
-- [deployed_at, deployed_at + verification_minutes). Written by the metrics module when an incident
-- opens (IncidentOpened), when a deployment is reported (DeploymentReported) and again when its change
-- closes (ChangeClosed: after the window, so an incident and a deployment recorded at the same moment
-- in two transactions, neither seeing the other, are linked too). Both ends are fixed once written
-- (an incident's service and opening, a deployment's time and window), so a link never goes stale.
CREATE TABLE deployment_incident (
  change_key    VARCHAR(32) NOT NULL,
  incident_key  VARCHAR(32) NOT NULL,
  -- the deployment's, so the figures of a period (and of some services) read a range of links
  service_key   VARCHAR(64) NOT NULL,
  deployed_at   DATETIME(3) NOT NULL,
  CONSTRAINT pk_deployment_incident PRIMARY KEY (change_key, incident_key)
);
CREATE INDEX ix_deployment_incident_deployed ON deployment_incident (deployed_at, service_key);
CREATE INDEX ix_deployment_incident_service ON deployment_incident (service_key, deployed_at);

-- The service is matched as a range of one value, not by =: with = MariaDB reads every incident the
-- service ever had for each deployment (minutes at 50,000 changes); with a range it looks up each
-- deployment's window in (service, opening time), 4 s for 50,000 changes and 100,000 incidents.
INSERT INTO deployment_incident (change_key, incident_key, service_key, deployed_at)
SELECT c.change_key, i.incident_key, c.service_key, c.deployed_at
FROM change_request c JOIN incident i ON i.service_key >= c.service_key AND i.service_key <= c.service_key
  AND i.opened_at >= c.deployed_at
  AND i.opened_at < TIMESTAMPADD(MINUTE, COALESCE(c.verification_minutes, 0), c.deployed_at)
WHERE c.deployed_at IS NOT NULL AND c.deployment_status IS NOT NULL;

-- Escalated at least once (the next on-call level paged, or the work escalated to managers): set by
-- the incident module with the timeline entry "escalated".
ALTER TABLE incident ADD COLUMN escalated BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE incident SET escalated = TRUE
WHERE incident_key IN (SELECT t.incident_key FROM incident_timeline t WHERE t.kind = 'escalated');
