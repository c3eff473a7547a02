-- The staff audit trail: every change staff make to the catalog and the
-- stock, written in the transaction of the change. Entries keep ids
-- without foreign keys: they outlive what they point at.

-- migrate:up
CREATE TABLE staff_audit (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at          DATETIME(6) NOT NULL,
  actor_id    BIGINT NOT NULL,
  action      VARCHAR(50) NOT NULL,
  target_type VARCHAR(30) NOT NULL,
  target_id   BIGINT NOT NULL,
  summary     MEDIUMTEXT NOT NULL,
  request_id  VARCHAR(128) NOT NULL DEFAULT '',
  ip          VARCHAR(64) NOT NULL DEFAULT '',
  INDEX idx_staff_audit_actor (actor_id, id),
  INDEX idx_staff_audit_action (action, id),
  INDEX idx_staff_audit_target (target_type, target_id, id),
  INDEX idx_staff_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- migrate:down
DROP TABLE staff_audit;
