package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/catalog"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var variantWriteCols = []string{"product_id", "sku", "name", "price", "compare_price",
	"cost_price", "weight", "barcode", "active", "position", "created_at", "updated_at"}

// variantUpdateCols are what an upsert by SKU changes in an existing variant.
var variantUpdateCols = []string{"name", "price", "compare_price", "cost_price", "weight",
	"barcode", "active", "position", "updated_at"}

type variantRow struct {
	ID           int64               `db:"id"`
	ProductID    int64               `db:"product_id"`
	SKU          string              `db:"sku"`
	Name         string              `db:"name"`
	Price        decimal.NullDecimal `db:"price"`
	ComparePrice decimal.NullDecimal `db:"compare_price"`
	CostPrice    decimal.NullDecimal `db:"cost_price"`
	Weight       decimal.NullDecimal `db:"weight"`
	Barcode      string              `db:"barcode"`
	Active       bool                `db:"active"`
	CreatedAt    time.Time           `db:"created_at"`
	UpdatedAt    time.Time           `db:"updated_at"`
}

func (r variantRow) variant(c commerce.Currency) catalog.Variant {
	return catalog.Variant{ID: commerce.VariantID(r.ID), ProductID: commerce.ProductID(r.ProductID),
		SKU: r.SKU, Name: r.Name, Price: nullMoney(r.Price, c),
		ComparePrice: nullMoney(r.ComparePrice, c), CostPrice: nullMoney(r.CostPrice, c),
		Weight: nullDecimal(r.Weight), Barcode: r.Barcode, Active: r.Active,
		Options: []catalog.Option{}, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// variantKey is a variant as its owner and SKU.
type variantKey struct {
	ID        int64  `db:"id"`
	SKU       string `db:"sku"`
	ProductID int64  `db:"product_id"`
}

// replaceVariants makes the stored variants of ps what ps say, matching
// them by SKU so that a kept variant keeps its ID and stock, and sets the
// variants' IDs. A SKU held by another product's variant is KindConflict.
func (db *DB) replaceVariants(ctx context.Context, tx *sqlx.Tx, op string,
	ps []*catalog.Product, now time.Time) error {
	want := map[string]int64{}
	var skus []string
	for _, p := range ps {
		for _, v := range p.Variants {
			want[v.SKU] = int64(p.ID)
			skus = append(skus, v.SKU)
		}
	}
	var owners []variantKey
	err := selectIn(ctx, tx, &owners, "SELECT id, sku, product_id FROM product_variants "+
		"WHERE sku IN ", skus)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	for _, o := range owners {
		if o.ProductID != want[o.SKU] {
			return conflict(op, "variants.sku")
		}
	}
	if err := dropVariants(ctx, tx, ps, want); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := db.upsertVariants(ctx, tx, ps, now); err != nil {
		return db.writeError(ctx, tx, op, err)
	}
	return nil
}

// dropVariants deletes the variants of ps whose SKU is no longer wanted,
// with their stock.
func dropVariants(ctx context.Context, tx *sqlx.Tx, ps []*catalog.Product,
	want map[string]int64) error {
	var current []variantKey
	err := selectIn(ctx, tx, &current, "SELECT id, sku, product_id FROM product_variants "+
		"WHERE product_id IN ", productIDs(ps))
	if err != nil {
		return err
	}
	var drop []int64
	for _, v := range current {
		if want[v.SKU] != v.ProductID {
			drop = append(drop, v.ID)
		}
	}
	if len(drop) == 0 {
		return nil
	}
	if err := refuseReserved(ctx, tx, "update product", "variant_id", drop); err != nil {
		return err
	}
	for _, table := range []string{"stock_adjustments", "inventory"} {
		if err := execIn(ctx, tx, "DELETE FROM "+table+" WHERE variant_id IN ", drop); err != nil {
			return err
		}
	}
	return execIn(ctx, tx, "DELETE FROM product_variants WHERE id IN ", drop)
}

func (db *DB) upsertVariants(ctx context.Context, tx *sqlx.Tx, ps []*catalog.Product,
	now time.Time) error {
	var rows [][]any
	for _, p := range ps {
		for i, v := range p.Variants {
			rows = append(rows, []any{p.ID, v.SKU, v.Name, moneyValue(v.Price),
				moneyValue(v.ComparePrice), moneyValue(v.CostPrice), decimalValue(v.Weight),
				v.Barcode, v.Active, i, now, now})
		}
	}
	err := insertRows(ctx, tx, "product_variants", variantWriteCols, rows,
		db.dialect.Upsert([]string{"sku"}, variantUpdateCols))
	if err != nil {
		return err
	}
	var stored []variantKey
	err = selectIn(ctx, tx, &stored, "SELECT id, sku, product_id FROM product_variants "+
		"WHERE product_id IN ", productIDs(ps))
	if err != nil {
		return err
	}
	ids := make(map[string]int64, len(stored))
	for _, v := range stored {
		ids[v.SKU] = v.ID
	}
	return replaceOptions(ctx, tx, ps, ids, now)
}

// replaceOptions sets the variants' IDs and rewrites their options.
func replaceOptions(ctx context.Context, tx *sqlx.Tx, ps []*catalog.Product,
	ids map[string]int64, now time.Time) error {
	var all []int64
	var rows [][]any
	for _, p := range ps {
		for i := range p.Variants {
			v := &p.Variants[i]
			if ids[v.SKU] == 0 {
				// The database's collation took the SKU for another
				// variant's (case, accents, ignorable characters).
				return conflict("update product", "variants.sku")
			}
			v.ID, v.ProductID, v.UpdatedAt = commerce.VariantID(ids[v.SKU]), p.ID, now
			all = append(all, ids[v.SKU])
			for j, o := range v.Options {
				rows = append(rows, []any{v.ID, j, o.Name, o.Value})
			}
		}
	}
	if err := execIn(ctx, tx, "DELETE FROM variant_options WHERE variant_id IN ", all); err != nil {
		return err
	}
	return insertRows(ctx, tx, "variant_options", []string{"variant_id", "position", "name",
		"value"}, rows, "")
}

func productIDs(ps []*catalog.Product) []int64 {
	ids := make([]int64, len(ps))
	for i, p := range ps {
		ids[i] = int64(p.ID)
	}
	return ids
}
