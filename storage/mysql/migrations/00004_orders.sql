-- The shop side: orders with their lines, stock allocations and timeline,
-- the outbox of events, idempotency keys, and carts. Customer ids are plain
-- integers with no foreign key: the accounts live in another migration and
-- an order outlives its customer's account (erasure keeps orders). Product,
-- variant and warehouse ids of lines, allocations and cart items are
-- snapshots too, without foreign keys, so that deleting a product never
-- fails on, or rewrites, the orders that sold it. Money is DECIMAL(14,2)
-- beside a currency, as in the catalog. Keys and hashes compared byte for
-- byte are ascii_bin: the table's collation ignores case.

-- migrate:up
CREATE TABLE orders (
  id                BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number            VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  customer_id       BIGINT NOT NULL,
  status            VARCHAR(20) NOT NULL,
  payment_status    VARCHAR(20) NOT NULL,
  currency          CHAR(3) NOT NULL,
  subtotal          DECIMAL(14,2) NOT NULL,
  discount          DECIMAL(14,2) NOT NULL DEFAULT 0,
  shipping          DECIMAL(14,2) NOT NULL DEFAULT 0,
  shipping_tax      DECIMAL(14,2) NOT NULL DEFAULT 0,
  tax               DECIMAL(14,2) NOT NULL DEFAULT 0,
  tax_inclusive     BOOLEAN NOT NULL,
  total             DECIMAL(14,2) NOT NULL,
  shipping_method   VARCHAR(100) NOT NULL DEFAULT '',
  payment_method    VARCHAR(100) NOT NULL DEFAULT '',
  payment_reference VARCHAR(255) NOT NULL DEFAULT '',
  shipping_address  JSON NOT NULL,
  billing_address   JSON NULL,
  notes             TEXT NOT NULL,
  -- NULL when the order was placed without a key: NULLs never collide
  idempotency_key   VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
  reserved_until    DATETIME(6) NULL,
  shipped_at        DATETIME(6) NULL,
  delivered_at      DATETIME(6) NULL,
  cancelled_at      DATETIME(6) NULL,
  created_at        DATETIME(6) NOT NULL,
  updated_at        DATETIME(6) NOT NULL,
  CONSTRAINT uq_orders_number UNIQUE (number),
  CONSTRAINT uq_orders_customer_key UNIQUE (customer_id, idempotency_key),
  CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'confirmed', 'processing',
    'shipped', 'delivered', 'cancelled')),
  CONSTRAINT ck_orders_payment_status CHECK (payment_status IN ('pending', 'paid', 'failed',
    'refunded')),
  CONSTRAINT ck_orders_total CHECK (total >= 0),
  -- a customer's history, newest first
  INDEX idx_orders_customer (customer_id, created_at, id),
  -- staff lists: newest first, by status, by payment status
  INDEX idx_orders_created (created_at, id),
  INDEX idx_orders_status (status, created_at, id),
  INDEX idx_orders_payment (payment_status, created_at, id),
  -- the reservation sweeper
  INDEX idx_orders_reserved (status, payment_status, reserved_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE order_lines (
  id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id   BIGINT NOT NULL,
  position   INT NOT NULL,
  product_id BIGINT NOT NULL,
  variant_id BIGINT NULL,
  name       VARCHAR(255) NOT NULL,
  sku        VARCHAR(100) NOT NULL,
  quantity   INT NOT NULL,
  unit_price DECIMAL(14,2) NOT NULL,
  amount     DECIMAL(14,2) NOT NULL,
  discount   DECIMAL(14,2) NOT NULL DEFAULT 0,
  tax_rate   DECIMAL(9,6) NOT NULL DEFAULT 0,
  tax        DECIMAL(14,2) NOT NULL DEFAULT 0,
  total      DECIMAL(14,2) NOT NULL,
  CONSTRAINT uq_order_lines_position UNIQUE (order_id, position),
  CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0),
  CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE CASCADE,
  INDEX idx_order_lines_product (product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Units of an order reserved in a warehouse: reserved, then released or
-- deducted, exactly once.
CREATE TABLE order_allocations (
  id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id     BIGINT NOT NULL,
  product_id   BIGINT NOT NULL,
  variant_id   BIGINT NULL,
  warehouse_id BIGINT NOT NULL,
  quantity     INT NOT NULL,
  state        VARCHAR(20) NOT NULL,
  CONSTRAINT ck_order_allocations_quantity CHECK (quantity > 0),
  CONSTRAINT ck_order_allocations_state CHECK (state IN ('reserved', 'released', 'deducted')),
  CONSTRAINT fk_order_allocations_order FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE CASCADE,
  INDEX idx_order_allocations_order (order_id, state),
  INDEX idx_order_allocations_level (product_id, warehouse_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline: every change of status or payment, and notes; never
-- updated.
CREATE TABLE order_timeline (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id    BIGINT NOT NULL,
  kind        VARCHAR(20) NOT NULL,
  from_status VARCHAR(20) NOT NULL DEFAULT '',
  to_status   VARCHAR(20) NOT NULL DEFAULT '',
  actor_id    BIGINT NULL,
  note        TEXT NOT NULL,
  created_at  DATETIME(6) NOT NULL,
  CONSTRAINT fk_order_timeline_order FOREIGN KEY (order_id) REFERENCES orders (id)
    ON DELETE CASCADE,
  INDEX idx_order_timeline_order (order_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Events written in the transaction of the change, published after it.
CREATE TABLE outbox (
  id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(100) NOT NULL,
  event_key    VARCHAR(255) NOT NULL,
  data         JSON NOT NULL,
  occurred_at  DATETIME(6) NOT NULL,
  published_at DATETIME(6) NULL,
  INDEX idx_outbox_pending (published_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE idempotency_keys (
  id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  scope           VARCHAR(150) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  idem_key        VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  fingerprint     VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state           VARCHAR(20) NOT NULL,
  response_status INT NOT NULL DEFAULT 0,
  response_header JSON NULL,
  response_body   MEDIUMBLOB NULL,
  locked_until    DATETIME(6) NOT NULL,
  expires_at      DATETIME(6) NOT NULL,
  created_at      DATETIME(6) NOT NULL,
  CONSTRAINT uq_idempotency_keys_key UNIQUE (scope, idem_key),
  CONSTRAINT ck_idempotency_keys_state CHECK (state IN ('in_progress', 'done')),
  INDEX idx_idempotency_keys_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A cart belongs to a customer or to a guest's token (its SHA-256), never
-- both; each has at most one.
CREATE TABLE carts (
  id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id  BIGINT NULL,
  token_hash   CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
  last_item_id BIGINT NOT NULL DEFAULT 0,
  version      BIGINT NOT NULL DEFAULT 1,
  created_at   DATETIME(6) NOT NULL,
  updated_at   DATETIME(6) NOT NULL,
  CONSTRAINT uq_carts_customer UNIQUE (customer_id),
  CONSTRAINT uq_carts_token UNIQUE (token_hash),
  CONSTRAINT ck_carts_owner CHECK ((customer_id IS NULL) <> (token_hash IS NULL)),
  -- the idle guest cart sweeper
  INDEX idx_carts_updated (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE cart_items (
  cart_id    BIGINT NOT NULL,
  id         BIGINT NOT NULL,
  position   INT NOT NULL,
  product_id BIGINT NOT NULL,
  variant_id BIGINT NULL,
  quantity   INT NOT NULL,
  unit_price DECIMAL(14,2) NOT NULL,
  currency   CHAR(3) NOT NULL,
  added_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (cart_id, id),
  CONSTRAINT ck_cart_items_quantity CHECK (quantity > 0),
  CONSTRAINT fk_cart_items_cart FOREIGN KEY (cart_id) REFERENCES carts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- migrate:down
DROP TABLE cart_items;
DROP TABLE carts;
DROP TABLE idempotency_keys;
DROP TABLE outbox;
DROP TABLE order_timeline;
DROP TABLE order_allocations;
DROP TABLE order_lines;
DROP TABLE orders;
