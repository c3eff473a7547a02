-- Accounts: users, their password history, failed sign-ins, single-use
-- tokens, addresses and the audit log, and the refresh tokens and
-- revocations of sessions. Phones and the personal fields of addresses
-- hold ciphertext sealed by package pii; e-mails are stored normalised,
-- and email_key, their case-folded form, is what makes them unique.

-- migrate:up
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  email               VARCHAR(254) NOT NULL,
  email_key           VARCHAR(254) NOT NULL,
  name                VARCHAR(255) NOT NULL,
  search_name         VARCHAR(255) NOT NULL DEFAULT '',
  phone               TEXT NOT NULL DEFAULT '',
  role                VARCHAR(20) NOT NULL
    CHECK (role IN ('customer', 'manager', 'admin', 'super_admin')),
  email_verified      BOOLEAN NOT NULL DEFAULT 0,
  active              BOOLEAN NOT NULL DEFAULT 1,
  password_hash       VARCHAR(255) NOT NULL,
  password_changed_at DATETIME,
  created_at          DATETIME NOT NULL,
  updated_at          DATETIME NOT NULL,
  erased_at           DATETIME,
  CONSTRAINT uq_users_email_key UNIQUE (email_key)
);
CREATE INDEX idx_users_role ON users (role, active);

CREATE TABLE password_history (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  hash       VARCHAR(255) NOT NULL,
  created_at DATETIME NOT NULL
);
CREATE INDEX idx_password_history_user ON password_history (user_id, id);

CREATE TABLE login_failures (
  fail_key VARCHAR(255) PRIMARY KEY,
  count    INTEGER NOT NULL,
  last_at  DATETIME NOT NULL
);

CREATE TABLE user_tokens (
  hash       VARCHAR(128) PRIMARY KEY,
  purpose    VARCHAR(20) NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email      VARCHAR(254) NOT NULL,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at    DATETIME
);
CREATE INDEX idx_user_tokens_user ON user_tokens (user_id, purpose);
CREATE INDEX idx_user_tokens_expires ON user_tokens (expires_at);

CREATE TABLE addresses (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label       VARCHAR(100) NOT NULL DEFAULT '',
  recipient   TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  street      TEXT NOT NULL DEFAULT '',
  details     TEXT NOT NULL DEFAULT '',
  commune     VARCHAR(100) NOT NULL DEFAULT '',
  city        VARCHAR(100) NOT NULL DEFAULT '',
  region      VARCHAR(100) NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  country     CHAR(2) NOT NULL DEFAULT 'CL',
  is_default  BOOLEAN NOT NULL DEFAULT 0,
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL
);
CREATE INDEX idx_addresses_user ON addresses (user_id, id);

-- Entries outlive nothing they point at: users are anonymised, never
-- deleted, and the log keeps ids without foreign keys all the same.
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         DATETIME NOT NULL,
  actor_id   INTEGER,
  subject_id INTEGER NOT NULL,
  action     VARCHAR(50) NOT NULL,
  detail     VARCHAR(1000) NOT NULL DEFAULT '',
  ip         VARCHAR(64) NOT NULL DEFAULT '',
  request_id VARCHAR(128) NOT NULL DEFAULT ''
);
CREATE INDEX idx_audit_log_subject ON audit_log (subject_id, id);

CREATE TABLE refresh_tokens (
  hash       VARCHAR(128) PRIMARY KEY,
  family     VARCHAR(64) NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  started_at DATETIME NOT NULL,
  issued_at  DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at    DATETIME,
  revoked_at DATETIME
);
CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family);
CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX idx_refresh_tokens_expires ON refresh_tokens (expires_at);

CREATE TABLE revoked_families (
  family     VARCHAR(64) PRIMARY KEY,
  revoked_at DATETIME NOT NULL
);

CREATE TABLE revoked_tokens (
  token_id   VARCHAR(64) PRIMARY KEY,
  expires_at DATETIME NOT NULL
);
CREATE INDEX idx_revoked_tokens_expires ON revoked_tokens (expires_at);

-- migrate:down
DROP TABLE revoked_tokens;
DROP TABLE revoked_families;
DROP TABLE refresh_tokens;
DROP TABLE audit_log;
DROP TABLE addresses;
DROP TABLE user_tokens;
DROP TABLE login_failures;
DROP TABLE password_history;
DROP TABLE users;
