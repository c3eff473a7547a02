-- Stock: warehouses, one level per product or variant and warehouse, and
-- the adjustments that changed them. Triggers keep products.available; the
-- adapter deletes stock rows itself before their product or variant, since
-- MySQL fires no trigger for rows a cascade removes.

-- migrate:up
CREATE TABLE warehouses (
  id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code       VARCHAR(50) NOT NULL,
  name       VARCHAR(255) NOT NULL,
  address    VARCHAR(500) NOT NULL DEFAULT '',
  active     BOOLEAN NOT NULL DEFAULT TRUE,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT uq_warehouses_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inventory (
  id                BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id        BIGINT NOT NULL,
  variant_id        BIGINT NULL,
  -- a NULL variant_id would make every product level unique on its own
  variant_key       BIGINT AS (COALESCE(variant_id, 0)) STORED,
  warehouse_id      BIGINT NOT NULL,
  quantity          INT NOT NULL DEFAULT 0,
  reserved_quantity INT NOT NULL DEFAULT 0,
  reorder_point     INT NOT NULL DEFAULT 10,
  reorder_quantity  INT NOT NULL DEFAULT 50,
  updated_at        DATETIME(6) NOT NULL,
  CONSTRAINT uq_inventory_level UNIQUE (product_id, variant_key, warehouse_id),
  CONSTRAINT ck_inventory_reserved CHECK (reserved_quantity >= 0),
  CONSTRAINT ck_inventory_quantity CHECK (quantity >= reserved_quantity),
  CONSTRAINT fk_inventory_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT fk_inventory_variant FOREIGN KEY (variant_id, product_id)
    REFERENCES product_variants (id, product_id),
  CONSTRAINT fk_inventory_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouses (id),
  INDEX idx_inventory_warehouse (warehouse_id),
  INDEX idx_inventory_variant (variant_id, product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stock_adjustments (
  id           BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id   BIGINT NOT NULL,
  variant_id   BIGINT NULL,
  warehouse_id BIGINT NOT NULL,
  delta        INT NOT NULL,
  reason       VARCHAR(20) NOT NULL,
  note         VARCHAR(500) NOT NULL DEFAULT '',
  actor_id     BIGINT NULL,
  created_at   DATETIME(6) NOT NULL,
  CONSTRAINT fk_stock_adjustments_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT fk_stock_adjustments_variant FOREIGN KEY (variant_id, product_id)
    REFERENCES product_variants (id, product_id),
  CONSTRAINT fk_stock_adjustments_warehouse FOREIGN KEY (warehouse_id)
    REFERENCES warehouses (id),
  INDEX idx_stock_adjustments_product (product_id, created_at),
  INDEX idx_stock_adjustments_variant (variant_id, product_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER trg_inventory_insert AFTER INSERT ON inventory FOR EACH ROW
  UPDATE products SET available = available + NEW.quantity - NEW.reserved_quantity
  WHERE id = NEW.product_id;

CREATE TRIGGER trg_inventory_update AFTER UPDATE ON inventory FOR EACH ROW
  UPDATE products
  SET available = available + (NEW.quantity - NEW.reserved_quantity)
                            - (OLD.quantity - OLD.reserved_quantity)
  WHERE id = NEW.product_id
    AND NEW.quantity - NEW.reserved_quantity <> OLD.quantity - OLD.reserved_quantity;

CREATE TRIGGER trg_inventory_delete AFTER DELETE ON inventory FOR EACH ROW
  UPDATE products SET available = available - (OLD.quantity - OLD.reserved_quantity)
  WHERE id = OLD.product_id;

-- migrate:down
DROP TRIGGER trg_inventory_delete;
DROP TRIGGER trg_inventory_update;
DROP TRIGGER trg_inventory_insert;
DROP TABLE stock_adjustments;
DROP TABLE inventory;
DROP TABLE warehouses;
