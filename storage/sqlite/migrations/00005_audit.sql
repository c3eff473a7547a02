-- The staff audit trail: every change staff make to the catalog and the
-- stock, written in the transaction of the change. Entries keep ids
-- without foreign keys: they outlive what they point at.

-- migrate:up
CREATE TABLE staff_audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          DATETIME NOT NULL,
  actor_id    INTEGER NOT NULL,
  action      VARCHAR(50) NOT NULL,
  target_type VARCHAR(30) NOT NULL,
  target_id   INTEGER NOT NULL,
  summary     TEXT NOT NULL,
  request_id  VARCHAR(128) NOT NULL DEFAULT '',
  ip          VARCHAR(64) NOT NULL DEFAULT ''
);
CREATE INDEX idx_staff_audit_actor ON staff_audit (actor_id, id);
CREATE INDEX idx_staff_audit_action ON staff_audit (action, id);
CREATE INDEX idx_staff_audit_target ON staff_audit (target_type, target_id, id);
CREATE INDEX idx_staff_audit_at ON staff_audit (at);

-- migrate:down
DROP TABLE staff_audit;
