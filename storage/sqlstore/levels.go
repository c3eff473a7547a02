package sqlstore

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
)

// SetLevels writes the quantity and reorder settings of many levels,
// creating the missing ones and keeping reserved units, in transactions of
// a few thousand. Every change of quantity is recorded as an adjustment
// with the reason import. A quantity below the reserved units is
// KindConflict; a missing product, variant or warehouse is KindInvalid.
func (db *DB) SetLevels(ctx context.Context, ls []inventory.Level) error {
	for start := 0; start < len(ls); start += levelsBatch {
		batch := lastByKey(ls[start:min(start+levelsBatch, len(ls))])
		err := db.inTx(ctx, func(tx *sqlx.Tx) error {
			return db.setLevels(ctx, tx, batch)
		})
		if err != nil {
			return err
		}
	}
	return db.analyze(ctx, len(ls))
}

func (db *DB) setLevels(ctx context.Context, tx *sqlx.Tx, ls []inventory.Level) error {
	const op = "set levels"
	now := db.now()
	old, err := currentQuantities(ctx, tx, ls)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	rows := make([][]any, len(ls))
	var adjustments [][]any
	for i, l := range ls {
		rows[i] = []any{l.ProductID, nullID(l.VariantID), l.WarehouseID, l.Quantity, 0,
			l.ReorderPoint, l.ReorderQuantity, now}
		if delta := l.Quantity - old[keyOf(l)]; delta != 0 {
			adjustments = append(adjustments, []any{l.ProductID, nullID(l.VariantID),
				l.WarehouseID, delta, string(inventory.ReasonImport), "", nil, now})
		}
	}
	err = insertRows(ctx, tx, "inventory", []string{"product_id", "variant_id", "warehouse_id",
		"quantity", "reserved_quantity", "reorder_point", "reorder_quantity", "updated_at"}, rows,
		db.dialect.Upsert(levelKey, []string{"quantity", "reorder_point", "reorder_quantity",
			"updated_at"}))
	if err != nil {
		return db.levelsError(ctx, tx, op, err, ls)
	}
	err = insertRows(ctx, tx, "stock_adjustments", []string{"product_id", "variant_id",
		"warehouse_id", "delta", "reason", "note", "actor_id", "created_at"}, adjustments, "")
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

func (db *DB) levelsError(ctx context.Context, tx *sqlx.Tx, op string, err error,
	ls []inventory.Level) error {
	if v, _ := db.dialect.Classify(err); v == Check {
		return belowReserved(op, nil)
	}
	var refs []ref
	for _, l := range ls {
		refs = append(refs, stockRefs(l.ProductID, l.VariantID, l.WarehouseID)...)
	}
	return db.writeError(ctx, tx, op, err, refs...)
}

type stockKey struct {
	product, variant, warehouse int64
}

func keyOf(l inventory.Level) stockKey {
	return stockKey{int64(l.ProductID), int64(l.VariantID), int64(l.WarehouseID)}
}

// lastByKey keeps one level per key, the last one given.
func lastByKey(ls []inventory.Level) []inventory.Level {
	at := make(map[stockKey]int, len(ls))
	out := make([]inventory.Level, 0, len(ls))
	for _, l := range ls {
		if i, ok := at[keyOf(l)]; ok {
			out[i] = l
			continue
		}
		at[keyOf(l)] = len(out)
		out = append(out, l)
	}
	return out
}

func currentQuantities(ctx context.Context, tx *sqlx.Tx,
	ls []inventory.Level) (map[stockKey]int, error) {
	seen := map[commerce.ProductID]bool{}
	var products []int64
	for _, l := range ls {
		if !seen[l.ProductID] {
			seen[l.ProductID] = true
			products = append(products, int64(l.ProductID))
		}
	}
	var rows []struct {
		Product   int64 `db:"product_id"`
		Variant   int64 `db:"variant_key"`
		Warehouse int64 `db:"warehouse_id"`
		Quantity  int   `db:"quantity"`
	}
	err := selectIn(ctx, tx, &rows, "SELECT product_id, variant_key, warehouse_id, quantity "+
		"FROM inventory WHERE product_id IN ", products)
	if err != nil {
		return nil, err
	}
	old := make(map[stockKey]int, len(rows))
	for _, r := range rows {
		old[stockKey{r.Product, r.Variant, r.Warehouse}] = r.Quantity
	}
	return old, nil
}
