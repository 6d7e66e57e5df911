-- Which feedback items an incident is about (issue 12): a negative spike links the negative items of
-- its window to the incident it opened, and later checks while that incident is open link the items
-- that keep arriving. The incident's feedback is then one query (GET /api/feedback?incident=…).
CREATE TABLE feedback_incident (
  incident_key  VARCHAR(32)  NOT NULL,
  feedback_id   BIGINT       NOT NULL,
  linked_at     DATETIME(3)  NOT NULL,
  CONSTRAINT pk_feedback_incident PRIMARY KEY (incident_key, feedback_id),
  CONSTRAINT fk_feedback_incident_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (feedback_id)
);
CREATE INDEX ix_feedback_incident_feedback ON feedback_incident (feedback_id);
