-- Foreign keys that io.opsflow.kernel.engine.Utf8mb4Tables dropped to convert Camunda's tables to utf8mb4
-- and adds again; a start interrupted in between finds them here.
CREATE TABLE opsflow_dropped_foreign_key (
  table_name       VARCHAR(64)   NOT NULL,
  constraint_name  VARCHAR(64)   NOT NULL,
  definition       VARCHAR(2000) NOT NULL,
  CONSTRAINT pk_opsflow_dropped_foreign_key PRIMARY KEY (table_name, constraint_name)
);
