-- The catalog: categories with their closure table, brands, products with
-- variants, options, images and attributes. Money is DECIMAL(14,2) beside a
-- currency.

-- migrate:up
CREATE TABLE categories (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id   BIGINT NULL,
  name        VARCHAR(255) NOT NULL,
  slug        VARCHAR(255) NOT NULL,
  description TEXT NOT NULL,
  image_url   VARCHAR(500) NOT NULL DEFAULT '',
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  sort_order  INT NOT NULL DEFAULT 0,
  created_at  DATETIME(6) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  CONSTRAINT uq_categories_slug UNIQUE (slug),
  CONSTRAINT fk_categories_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
    ON DELETE SET NULL,
  INDEX idx_categories_sort (sort_order, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE category_closure (
  ancestor_id   BIGINT NOT NULL,
  descendant_id BIGINT NOT NULL,
  depth         INT NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id),
  INDEX idx_category_closure_descendant (descendant_id),
  CONSTRAINT fk_category_closure_ancestor FOREIGN KEY (ancestor_id)
    REFERENCES categories (id) ON DELETE CASCADE,
  CONSTRAINT fk_category_closure_descendant FOREIGN KEY (descendant_id)
    REFERENCES categories (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE brands (
  id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,
  slug        VARCHAR(255) NOT NULL,
  search_name VARCHAR(255) NOT NULL DEFAULT '',
  created_at  DATETIME(6) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  CONSTRAINT uq_brands_slug UNIQUE (slug),
  INDEX idx_brands_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE products (
  id                BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku               VARCHAR(100) NOT NULL,
  slug              VARCHAR(255) NOT NULL,
  name              VARCHAR(255) NOT NULL,
  description       TEXT NOT NULL,
  short_description VARCHAR(500) NOT NULL DEFAULT '',
  price             DECIMAL(14,2) NOT NULL,
  compare_price     DECIMAL(14,2) NULL,
  cost_price        DECIMAL(14,2) NULL,
  currency          CHAR(3) NOT NULL,
  category_id       BIGINT NOT NULL,
  brand_id          BIGINT NULL,
  weight            DECIMAL(10,3) NULL,
  dimensions        JSON NULL,
  active            BOOLEAN NOT NULL DEFAULT TRUE,
  featured          BOOLEAN NOT NULL DEFAULT FALSE,
  meta_title        VARCHAR(255) NOT NULL DEFAULT '',
  meta_description  VARCHAR(500) NOT NULL DEFAULT '',
  rating            DECIMAL(3,2) NOT NULL DEFAULT 0,
  reviews_count     INT NOT NULL DEFAULT 0,
  -- Units sellable over every warehouse and variant, kept by the triggers
  -- on inventory so that in_stock filters need no join.
  available         INT NOT NULL DEFAULT 0,
  -- name, description and SKU lower-cased without accents, for search.
  search_text       TEXT NOT NULL,
  created_at        DATETIME(6) NOT NULL,
  updated_at        DATETIME(6) NOT NULL,
  CONSTRAINT uq_products_sku UNIQUE (sku),
  CONSTRAINT uq_products_slug UNIQUE (slug),
  CONSTRAINT ck_products_price CHECK (price >= 0 AND compare_price >= 0 AND cost_price >= 0),
  CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id),
  CONSTRAINT fk_products_brand FOREIGN KEY (brand_id) REFERENCES brands (id)
    ON DELETE SET NULL,
  INDEX idx_products_category (category_id, active),
  INDEX idx_products_price (active, price, id),
  INDEX idx_products_newest (active, created_at, id),
  INDEX idx_products_name (active, name, id),
  INDEX idx_products_rating (active, rating, id),
  INDEX idx_products_featured (featured, active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_variants (
  id            BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  product_id    BIGINT NOT NULL,
  sku           VARCHAR(100) NOT NULL,
  name          VARCHAR(255) NOT NULL,
  price         DECIMAL(14,2) NULL,
  compare_price DECIMAL(14,2) NULL,
  cost_price    DECIMAL(14,2) NULL,
  weight        DECIMAL(10,3) NULL,
  barcode       VARCHAR(100) NOT NULL DEFAULT '',
  active        BOOLEAN NOT NULL DEFAULT TRUE,
  position      INT NOT NULL DEFAULT 0,
  created_at    DATETIME(6) NOT NULL,
  updated_at    DATETIME(6) NOT NULL,
  CONSTRAINT uq_product_variants_sku UNIQUE (sku),
  -- the target of the stock tables' (variant_id, product_id) keys, which
  -- make a variant's stock belong to the variant's own product
  CONSTRAINT uq_product_variants_owner UNIQUE (id, product_id),
  CONSTRAINT ck_product_variants_price
    CHECK (price >= 0 AND compare_price >= 0 AND cost_price >= 0),
  CONSTRAINT fk_product_variants_product FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE,
  INDEX idx_product_variants_product (product_id, position)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE variant_options (
  variant_id BIGINT NOT NULL,
  position   INT NOT NULL,
  name       VARCHAR(100) NOT NULL,
  value      VARCHAR(100) NOT NULL,
  PRIMARY KEY (variant_id, position),
  CONSTRAINT fk_variant_options_variant FOREIGN KEY (variant_id)
    REFERENCES product_variants (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_images (
  product_id BIGINT NOT NULL,
  position   INT NOT NULL,
  url        VARCHAR(500) NOT NULL,
  alt        VARCHAR(255) NOT NULL DEFAULT '',
  PRIMARY KEY (product_id, position),
  CONSTRAINT fk_product_images_product FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_attributes (
  product_id BIGINT NOT NULL,
  position   INT NOT NULL,
  name       VARCHAR(100) NOT NULL,
  value      VARCHAR(255) NOT NULL,
  PRIMARY KEY (product_id, position),
  INDEX idx_product_attributes_name (name, value),
  CONSTRAINT fk_product_attributes_product FOREIGN KEY (product_id)
    REFERENCES products (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- migrate:down
DROP TABLE product_attributes;
DROP TABLE product_images;
DROP TABLE variant_options;
DROP TABLE product_variants;
DROP TABLE products;
DROP TABLE brands;
DROP TABLE category_closure;
DROP TABLE categories;
