-- Stock: warehouses, one level per product or variant and warehouse, and
-- the adjustments that changed them. Triggers keep products.available.

-- migrate:up
CREATE TABLE warehouses (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  code       VARCHAR(50) NOT NULL,
  name       VARCHAR(255) NOT NULL,
  address    VARCHAR(500) NOT NULL DEFAULT '',
  active     BOOLEAN NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  CONSTRAINT uq_warehouses_code UNIQUE (code)
);

CREATE TABLE inventory (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id        INTEGER NOT NULL REFERENCES products (id),
  variant_id        INTEGER,
  -- a NULL variant_id would make every product level unique on its own
  variant_key       INTEGER GENERATED ALWAYS AS (COALESCE(variant_id, 0)) STORED,
  warehouse_id      INTEGER NOT NULL REFERENCES warehouses (id),
  quantity          INTEGER NOT NULL DEFAULT 0,
  reserved_quantity INTEGER NOT NULL DEFAULT 0,
  reorder_point     INTEGER NOT NULL DEFAULT 10,
  reorder_quantity  INTEGER NOT NULL DEFAULT 50,
  updated_at        DATETIME NOT NULL,
  FOREIGN KEY (variant_id, product_id) REFERENCES product_variants (id, product_id),
  CONSTRAINT ck_inventory_reserved CHECK (reserved_quantity >= 0),
  CONSTRAINT ck_inventory_quantity CHECK (quantity >= reserved_quantity),
  CONSTRAINT uq_inventory_level UNIQUE (product_id, variant_key, warehouse_id)
);
CREATE INDEX idx_inventory_warehouse ON inventory (warehouse_id);
CREATE INDEX idx_inventory_variant ON inventory (variant_id, product_id);

CREATE TABLE stock_adjustments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id   INTEGER NOT NULL REFERENCES products (id),
  variant_id   INTEGER,
  warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
  delta        INTEGER NOT NULL,
  reason       VARCHAR(20) NOT NULL,
  note         VARCHAR(500) NOT NULL DEFAULT '',
  actor_id     INTEGER,
  created_at   DATETIME NOT NULL,
  FOREIGN KEY (variant_id, product_id) REFERENCES product_variants (id, product_id)
);
CREATE INDEX idx_stock_adjustments_product ON stock_adjustments (product_id, created_at);
CREATE INDEX idx_stock_adjustments_variant ON stock_adjustments (variant_id, product_id);
CREATE INDEX idx_stock_adjustments_warehouse ON stock_adjustments (warehouse_id);

-- migrate:begin
CREATE TRIGGER trg_inventory_insert AFTER INSERT ON inventory
BEGIN
  UPDATE products SET available = available + NEW.quantity - NEW.reserved_quantity
  WHERE id = NEW.product_id;
END;
-- migrate:end

-- migrate:begin
CREATE TRIGGER trg_inventory_update AFTER UPDATE OF quantity, reserved_quantity ON inventory
WHEN NEW.quantity - NEW.reserved_quantity <> OLD.quantity - OLD.reserved_quantity
BEGIN
  UPDATE products
  SET available = available + (NEW.quantity - NEW.reserved_quantity)
                            - (OLD.quantity - OLD.reserved_quantity)
  WHERE id = NEW.product_id;
END;
-- migrate:end

-- migrate:begin
CREATE TRIGGER trg_inventory_delete AFTER DELETE ON inventory
BEGIN
  UPDATE products SET available = available - (OLD.quantity - OLD.reserved_quantity)
  WHERE id = OLD.product_id;
END;
-- migrate:end

-- migrate:down
DROP TRIGGER trg_inventory_delete;
DROP TRIGGER trg_inventory_update;
DROP TRIGGER trg_inventory_insert;
DROP TABLE stock_adjustments;
DROP TABLE inventory;
DROP TABLE warehouses;
