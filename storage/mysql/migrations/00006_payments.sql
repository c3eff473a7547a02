-- What payment gateways said and did after checkout: the webhook events
-- claimed and applied, each at most once per gateway, and the refunds of
-- each order, numbered from 1 (the number is part of the gateway call's
-- idempotency key). Orders are never deleted, so order ids need no foreign
-- key here, as in the outbox. Gateway ids compare byte for byte.

-- migrate:up
CREATE TABLE payment_events (
  gateway    VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  event_id   VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state      VARCHAR(20) NOT NULL,
  order_id   BIGINT NULL,
  claimed_at DATETIME(6) NOT NULL,
  applied_at DATETIME(6) NULL,
  PRIMARY KEY (gateway, event_id),
  CONSTRAINT ck_payment_events_state CHECK (state IN ('claimed', 'applied'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payment_refunds (
  order_id   BIGINT NOT NULL,
  seq        INT NOT NULL,
  amount     DECIMAL(14,2) NOT NULL,
  currency   CHAR(3) NOT NULL,
  reference  VARCHAR(255) NOT NULL DEFAULT '',
  actor_id   BIGINT NOT NULL DEFAULT 0,
  created_at DATETIME(6) NOT NULL,
  PRIMARY KEY (order_id, seq),
  CONSTRAINT ck_payment_refunds_seq CHECK (seq > 0),
  CONSTRAINT ck_payment_refunds_amount CHECK (amount > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- migrate:down
DROP TABLE payment_refunds;
DROP TABLE payment_events;
