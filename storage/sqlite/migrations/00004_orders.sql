-- The shop side: orders with their lines, stock allocations and timeline,
-- the outbox of events, idempotency keys, and carts. Customer ids are plain
-- integers with no foreign key: the accounts live in another migration and
-- an order outlives its customer's account (erasure keeps orders). Product,
-- variant and warehouse ids of lines, allocations and cart items are
-- snapshots too, without foreign keys, so that deleting a product never
-- fails on, or rewrites, the orders that sold it. Money is DECIMAL(14,2)
-- beside a currency, as in the catalog.

-- migrate:up
CREATE TABLE orders (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  number            VARCHAR(40) NOT NULL,
  customer_id       INTEGER NOT NULL,
  status            VARCHAR(20) NOT NULL CHECK (status IN ('pending', 'confirmed',
                      'processing', 'shipped', 'delivered', 'cancelled')),
  payment_status    VARCHAR(20) NOT NULL CHECK (payment_status IN ('pending', 'paid',
                      'failed', 'refunded')),
  currency          CHAR(3) NOT NULL,
  subtotal          DECIMAL(14,2) NOT NULL,
  discount          DECIMAL(14,2) NOT NULL DEFAULT 0,
  shipping          DECIMAL(14,2) NOT NULL DEFAULT 0,
  shipping_tax      DECIMAL(14,2) NOT NULL DEFAULT 0,
  tax               DECIMAL(14,2) NOT NULL DEFAULT 0,
  tax_inclusive     BOOLEAN NOT NULL,
  total             DECIMAL(14,2) NOT NULL CHECK (total >= 0),
  shipping_method   VARCHAR(100) NOT NULL DEFAULT '',
  payment_method    VARCHAR(100) NOT NULL DEFAULT '',
  payment_reference VARCHAR(255) NOT NULL DEFAULT '',
  shipping_address  JSON NOT NULL CHECK (json_valid(shipping_address)),
  billing_address   JSON CHECK (billing_address IS NULL OR json_valid(billing_address)),
  notes             TEXT NOT NULL DEFAULT '',
  -- NULL when the order was placed without a key: NULLs never collide
  idempotency_key   VARCHAR(255),
  reserved_until    DATETIME,
  shipped_at        DATETIME,
  delivered_at      DATETIME,
  cancelled_at      DATETIME,
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  CONSTRAINT uq_orders_number UNIQUE (number),
  CONSTRAINT uq_orders_customer_key UNIQUE (customer_id, idempotency_key)
);
-- a customer's history, newest first
CREATE INDEX idx_orders_customer ON orders (customer_id, created_at, id);
-- staff lists: newest first, by status, by payment status
CREATE INDEX idx_orders_created ON orders (created_at, id);
CREATE INDEX idx_orders_status ON orders (status, created_at, id);
CREATE INDEX idx_orders_payment ON orders (payment_status, created_at, id);
-- the reservation sweeper
CREATE INDEX idx_orders_reserved ON orders (status, payment_status, reserved_until);

CREATE TABLE order_lines (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  variant_id INTEGER,
  name       VARCHAR(255) NOT NULL,
  sku        VARCHAR(100) NOT NULL,
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  unit_price DECIMAL(14,2) NOT NULL,
  amount     DECIMAL(14,2) NOT NULL,
  discount   DECIMAL(14,2) NOT NULL DEFAULT 0,
  tax_rate   DECIMAL(9,6) NOT NULL DEFAULT 0,
  tax        DECIMAL(14,2) NOT NULL DEFAULT 0,
  total      DECIMAL(14,2) NOT NULL,
  CONSTRAINT uq_order_lines_position UNIQUE (order_id, position)
);
CREATE INDEX idx_order_lines_product ON order_lines (product_id);

-- Units of an order reserved in a warehouse: reserved, then released or
-- deducted, exactly once.
CREATE TABLE order_allocations (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id   INTEGER NOT NULL,
  variant_id   INTEGER,
  warehouse_id INTEGER NOT NULL,
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  state        VARCHAR(20) NOT NULL CHECK (state IN ('reserved', 'released', 'deducted'))
);
CREATE INDEX idx_order_allocations_order ON order_allocations (order_id, state);
CREATE INDEX idx_order_allocations_level ON order_allocations (product_id, warehouse_id);

-- The timeline: every change of status or payment, and notes; never
-- updated.
CREATE TABLE order_timeline (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  kind        VARCHAR(20) NOT NULL,
  from_status VARCHAR(20) NOT NULL DEFAULT '',
  to_status   VARCHAR(20) NOT NULL DEFAULT '',
  actor_id    INTEGER,
  note        TEXT NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL
);
CREATE INDEX idx_order_timeline_order ON order_timeline (order_id, id);

-- Events written in the transaction of the change, published after it.
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         VARCHAR(100) NOT NULL,
  event_key    VARCHAR(255) NOT NULL,
  data         JSON NOT NULL CHECK (json_valid(data)),
  occurred_at  DATETIME NOT NULL,
  published_at DATETIME
);
CREATE INDEX idx_outbox_pending ON outbox (published_at, id);

CREATE TABLE idempotency_keys (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  scope           VARCHAR(150) NOT NULL,
  idem_key        VARCHAR(255) NOT NULL,
  fingerprint     VARCHAR(128) NOT NULL,
  state           VARCHAR(20) NOT NULL CHECK (state IN ('in_progress', 'done')),
  response_status INTEGER NOT NULL DEFAULT 0,
  response_header JSON CHECK (response_header IS NULL OR json_valid(response_header)),
  response_body   BLOB,
  locked_until    DATETIME NOT NULL,
  expires_at      DATETIME NOT NULL,
  created_at      DATETIME NOT NULL,
  CONSTRAINT uq_idempotency_keys_key UNIQUE (scope, idem_key)
);
CREATE INDEX idx_idempotency_keys_expires ON idempotency_keys (expires_at);

-- A cart belongs to a customer or to a guest's token (its SHA-256), never
-- both; each has at most one.
CREATE TABLE carts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id  INTEGER,
  token_hash   CHAR(64),
  last_item_id INTEGER NOT NULL DEFAULT 0,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  CONSTRAINT ck_carts_owner CHECK ((customer_id IS NULL) <> (token_hash IS NULL)),
  CONSTRAINT uq_carts_customer UNIQUE (customer_id),
  CONSTRAINT uq_carts_token UNIQUE (token_hash)
);
-- the idle guest cart sweeper
CREATE INDEX idx_carts_updated ON carts (updated_at);

CREATE TABLE cart_items (
  cart_id    INTEGER NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  id         INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  variant_id INTEGER,
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  unit_price DECIMAL(14,2) NOT NULL,
  currency   CHAR(3) NOT NULL,
  added_at   DATETIME NOT NULL,
  PRIMARY KEY (cart_id, id)
);

-- migrate:down
DROP TABLE cart_items;
DROP TABLE carts;
DROP TABLE idempotency_keys;
DROP TABLE outbox;
DROP TABLE order_timeline;
DROP TABLE order_allocations;
DROP TABLE order_lines;
DROP TABLE orders;
