-- Accounts: users, their password history, failed sign-ins, single-use
-- tokens, addresses and the audit log, and the refresh tokens and
-- revocations of sessions. Phones and the personal fields of addresses
-- hold ciphertext sealed by package pii; e-mails are stored normalised,
-- and email_key, their case-folded form, is what makes them unique. Keys
-- and hashes compare byte for byte (utf8mb4_bin), not by the table's
-- accent- and case-blind collation.

-- migrate:up
CREATE TABLE users (
  id                  BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email               VARCHAR(254) NOT NULL,
  email_key           VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  name                VARCHAR(255) NOT NULL,
  search_name         VARCHAR(255) NOT NULL DEFAULT '',
  phone               TEXT NOT NULL,
  role                VARCHAR(20) NOT NULL,
  email_verified      BOOLEAN NOT NULL DEFAULT FALSE,
  active              BOOLEAN NOT NULL DEFAULT TRUE,
  password_hash       VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  password_changed_at DATETIME(6) NULL,
  created_at          DATETIME(6) NOT NULL,
  updated_at          DATETIME(6) NOT NULL,
  erased_at           DATETIME(6) NULL,
  CONSTRAINT uq_users_email_key UNIQUE (email_key),
  CONSTRAINT ck_users_role CHECK (role IN ('customer', 'manager', 'admin', 'super_admin')),
  INDEX idx_users_role (role, active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE password_history (
  id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id    BIGINT NOT NULL,
  hash       VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_password_history_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  INDEX idx_password_history_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_failures (
  fail_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  count    INT NOT NULL,
  last_at  DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_tokens (
  hash       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  purpose    VARCHAR(20) NOT NULL,
  user_id    BIGINT NOT NULL,
  email      VARCHAR(254) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  used_at    DATETIME(6) NULL,
  CONSTRAINT fk_user_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  INDEX idx_user_tokens_user (user_id, purpose),
  INDEX idx_user_tokens_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE addresses (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT NOT NULL,
  label       VARCHAR(100) NOT NULL DEFAULT '',
  recipient   TEXT NOT NULL,
  phone       TEXT NOT NULL,
  street      TEXT NOT NULL,
  details     TEXT NOT NULL,
  commune     VARCHAR(100) NOT NULL DEFAULT '',
  city        VARCHAR(100) NOT NULL DEFAULT '',
  region      VARCHAR(100) NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL,
  country     CHAR(2) NOT NULL DEFAULT 'CL',
  is_default  BOOLEAN NOT NULL DEFAULT FALSE,
  created_at  DATETIME(6) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  CONSTRAINT fk_addresses_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  INDEX idx_addresses_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Entries outlive nothing they point at: users are anonymised, never
-- deleted, and the log keeps ids without foreign keys all the same.
CREATE TABLE audit_log (
  id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at         DATETIME(6) NOT NULL,
  actor_id   BIGINT NULL,
  subject_id BIGINT NOT NULL,
  action     VARCHAR(50) NOT NULL,
  detail     VARCHAR(1000) NOT NULL DEFAULT '',
  ip         VARCHAR(64) NOT NULL DEFAULT '',
  request_id VARCHAR(128) NOT NULL DEFAULT '',
  INDEX idx_audit_log_subject (subject_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE refresh_tokens (
  hash       VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  family     VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  user_id    BIGINT NOT NULL,
  started_at DATETIME(6) NOT NULL,
  issued_at  DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  used_at    DATETIME(6) NULL,
  revoked_at DATETIME(6) NULL,
  CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE,
  INDEX idx_refresh_tokens_family (family),
  INDEX idx_refresh_tokens_user (user_id),
  INDEX idx_refresh_tokens_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE revoked_families (
  family     VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  revoked_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE revoked_tokens (
  token_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  expires_at DATETIME(6) NOT NULL,
  INDEX idx_revoked_tokens_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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
