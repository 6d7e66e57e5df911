-- Failed sign-ins, counted per client address, per account and per (account, client) pair, with
-- the temporary lock each count has earned. Rows expire a day after their last failure.
CREATE TABLE sign_in_failure (
  throttle_key     VARCHAR(200) NOT NULL,
  account_id       VARCHAR(64),
  failures         INT          NOT NULL,
  last_failure_at  DATETIME(3)  NOT NULL,
  locked_until     DATETIME(3),
  CONSTRAINT pk_sign_in_failure PRIMARY KEY (throttle_key)
);
CREATE INDEX ix_sign_in_failure_account ON sign_in_failure (account_id);
CREATE INDEX ix_sign_in_failure_last ON sign_in_failure (last_failure_at);

-- Clients (an address, or a browser's device cookie) that signed in successfully as an account:
-- a lock on the account does not keep them out. Rows expire 30 days after the last success.
CREATE TABLE sign_in_known_client (
  account_id       VARCHAR(64)  NOT NULL,
  client           VARCHAR(100) NOT NULL,
  last_success_at  DATETIME(3)  NOT NULL,
  CONSTRAINT pk_sign_in_known_client PRIMARY KEY (account_id, client)
);
CREATE INDEX ix_sign_in_known_client_last ON sign_in_known_client (last_success_at);
