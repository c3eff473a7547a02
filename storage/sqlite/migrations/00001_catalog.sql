-- The catalog: categories with their closure table, brands, products with
-- variants, options, images and attributes. Money is DECIMAL(14,2) beside a
-- currency; SQLite gives DECIMAL numeric affinity, so comparisons and
-- ORDER BY are numeric and the adapter rounds amounts on reading.

-- migrate:up
CREATE TABLE categories (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id   INTEGER REFERENCES categories (id) ON DELETE SET NULL,
  name        VARCHAR(255) NOT NULL,
  slug        VARCHAR(255) NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  image_url   VARCHAR(500) NOT NULL DEFAULT '',
  active      BOOLEAN NOT NULL DEFAULT 1,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL,
  CONSTRAINT uq_categories_slug UNIQUE (slug)
);
CREATE INDEX idx_categories_parent ON categories (parent_id);
CREATE INDEX idx_categories_sort ON categories (sort_order, name);

CREATE TABLE category_closure (
  ancestor_id   INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  descendant_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
  depth         INTEGER NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX idx_category_closure_descendant ON category_closure (descendant_id);

CREATE TABLE brands (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        VARCHAR(255) NOT NULL,
  slug        VARCHAR(255) NOT NULL,
  search_name VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL,
  CONSTRAINT uq_brands_slug UNIQUE (slug)
);
CREATE INDEX idx_brands_name ON brands (name);

CREATE TABLE products (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  sku               VARCHAR(100) NOT NULL,
  slug              VARCHAR(255) NOT NULL,
  name              VARCHAR(255) NOT NULL COLLATE NOCASE,
  description       TEXT NOT NULL DEFAULT '',
  short_description VARCHAR(500) NOT NULL DEFAULT '',
  price             DECIMAL(14,2) NOT NULL CHECK (price >= 0),
  compare_price     DECIMAL(14,2) CHECK (compare_price >= 0),
  cost_price        DECIMAL(14,2) CHECK (cost_price >= 0),
  currency          CHAR(3) NOT NULL,
  category_id       INTEGER NOT NULL REFERENCES categories (id),
  brand_id          INTEGER REFERENCES brands (id) ON DELETE SET NULL,
  weight            DECIMAL(10,3),
  dimensions        JSON CHECK (dimensions IS NULL OR json_valid(dimensions)),
  active            BOOLEAN NOT NULL DEFAULT 1,
  featured          BOOLEAN NOT NULL DEFAULT 0,
  meta_title        VARCHAR(255) NOT NULL DEFAULT '',
  meta_description  VARCHAR(500) NOT NULL DEFAULT '',
  rating            DECIMAL(3,2) NOT NULL DEFAULT 0,
  reviews_count     INTEGER NOT NULL DEFAULT 0,
  -- Units sellable over every warehouse and variant, kept by the triggers
  -- on inventory so that in_stock filters need no join.
  available         INTEGER NOT NULL DEFAULT 0,
  -- name, description and SKU lower-cased without accents, for search.
  search_text       TEXT NOT NULL DEFAULT '',
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  CONSTRAINT uq_products_sku UNIQUE (sku),
  CONSTRAINT uq_products_slug UNIQUE (slug)
);
CREATE INDEX idx_products_category ON products (category_id, active);
CREATE INDEX idx_products_brand ON products (brand_id);
CREATE INDEX idx_products_price ON products (active, price, id);
CREATE INDEX idx_products_newest ON products (active, created_at, id);
CREATE INDEX idx_products_name ON products (active, name, id);
CREATE INDEX idx_products_rating ON products (active, rating, id);
CREATE INDEX idx_products_featured ON products (featured, active);

CREATE TABLE product_variants (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id    INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku           VARCHAR(100) NOT NULL,
  name          VARCHAR(255) NOT NULL,
  price         DECIMAL(14,2) CHECK (price >= 0),
  compare_price DECIMAL(14,2) CHECK (compare_price >= 0),
  cost_price    DECIMAL(14,2) CHECK (cost_price >= 0),
  weight        DECIMAL(10,3),
  barcode       VARCHAR(100) NOT NULL DEFAULT '',
  active        BOOLEAN NOT NULL DEFAULT 1,
  position      INTEGER NOT NULL DEFAULT 0,
  created_at    DATETIME NOT NULL,
  updated_at    DATETIME NOT NULL,
  CONSTRAINT uq_product_variants_sku UNIQUE (sku),
  -- the target of the stock tables' (variant_id, product_id) keys, which
  -- make a variant's stock belong to the variant's own product
  CONSTRAINT uq_product_variants_owner UNIQUE (id, product_id)
);
CREATE INDEX idx_product_variants_product ON product_variants (product_id, position);

CREATE TABLE variant_options (
  variant_id INTEGER NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       VARCHAR(100) NOT NULL,
  value      VARCHAR(100) NOT NULL,
  PRIMARY KEY (variant_id, position)
);

CREATE TABLE product_images (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  url        VARCHAR(500) NOT NULL,
  alt        VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (product_id, position)
);

CREATE TABLE product_attributes (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       VARCHAR(100) NOT NULL,
  value      VARCHAR(255) NOT NULL,
  PRIMARY KEY (product_id, position)
);
CREATE INDEX idx_product_attributes_name ON product_attributes (name, value);

-- migrate:down
DROP TABLE product_attributes;
DROP TABLE product_images;
DROP TABLE variant_options;
DROP TABLE product_variants;
DROP TABLE products;
DROP TABLE brands;
DROP TABLE category_closure;
DROP TABLE categories;
