-- API tokens of service accounts (CI pipelines, monitoring). Only a SHA-256 hash of each token is kept.
CREATE TABLE service_account_token (
  token_id      VARCHAR(36)  NOT NULL,
  account_id    VARCHAR(64)  NOT NULL,
  token_hash    CHAR(64)     NOT NULL,
  label         VARCHAR(200) NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  created_by    VARCHAR(64)  NOT NULL,
  last_used_at  DATETIME(3),
  revoked_at    DATETIME(3),
  revoked_by    VARCHAR(64),
  CONSTRAINT pk_service_account_token PRIMARY KEY (token_id),
  CONSTRAINT uq_service_account_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_service_account_token_account ON service_account_token (account_id);
