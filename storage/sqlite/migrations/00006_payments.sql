-- What payment gateways said and did after checkout: the webhook events
-- claimed and applied, each at most once per gateway, and the refunds of
-- each order, numbered from 1 (the number is part of the gateway call's
-- idempotency key). Orders are never deleted, so order ids need no foreign
-- key here, as in the outbox.

-- migrate:up
CREATE TABLE payment_events (
  gateway    VARCHAR(40) NOT NULL,
  event_id   VARCHAR(255) NOT NULL,
  state      VARCHAR(20) NOT NULL CHECK (state IN ('claimed', 'applied')),
  order_id   INTEGER,
  claimed_at DATETIME NOT NULL,
  applied_at DATETIME,
  PRIMARY KEY (gateway, event_id)
);

CREATE TABLE payment_refunds (
  order_id   INTEGER NOT NULL,
  seq        INTEGER NOT NULL CHECK (seq > 0),
  amount     DECIMAL(14,2) NOT NULL CHECK (amount > 0),
  currency   CHAR(3) NOT NULL,
  reference  VARCHAR(255) NOT NULL DEFAULT '',
  actor_id   INTEGER NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (order_id, seq)
);

-- migrate:down
DROP TABLE payment_refunds;
DROP TABLE payment_events;
