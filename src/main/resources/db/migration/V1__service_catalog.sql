-- Service catalog: what runs, how critical it is, who owns it and who is on call.
CREATE TABLE catalog_service (
  service_key    VARCHAR(64)  NOT NULL,
  name           VARCHAR(200) NOT NULL,
  tier           INT          NOT NULL,
  dev_group      VARCHAR(64)  NOT NULL,
  on_call_group  VARCHAR(64)  NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  CONSTRAINT pk_catalog_service PRIMARY KEY (service_key),
  CONSTRAINT ck_catalog_service_tier CHECK (tier BETWEEN 1 AND 3)
);

CREATE TABLE catalog_dependency (
  service_key  VARCHAR(64) NOT NULL,
  depends_on   VARCHAR(64) NOT NULL,
  CONSTRAINT pk_catalog_dependency PRIMARY KEY (service_key, depends_on),
  CONSTRAINT fk_catalog_dependency_service FOREIGN KEY (service_key) REFERENCES catalog_service (service_key),
  CONSTRAINT fk_catalog_dependency_target FOREIGN KEY (depends_on) REFERENCES catalog_service (service_key)
);
CREATE INDEX ix_catalog_dependency_target ON catalog_dependency (depends_on);
