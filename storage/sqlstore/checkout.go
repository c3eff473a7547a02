package sqlstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

// Atomically runs fn in one write transaction, as checkout.Store asks. On
// a deadlock or a lock wait timeout it rolls back and runs fn again from
// the start, after a random pause, up to five times in all.
func (db *DB) Atomically(ctx context.Context,
	fn func(ctx context.Context, tx checkout.Tx) error) error {
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		return fn(ctx, &shopTx{db: db, tx: tx, locked: map[commerce.ProductID]bool{}})
	})
}

// shopTx is checkout's transaction. Lock order, the same in Apply and in
// Adjust so that they cannot deadlock each other: a product's row first
// (the triggers on inventory write it), then its stock rows; products in
// the order checkout reserves lines, by id.
type shopTx struct {
	db     *DB
	tx     *sqlx.Tx
	locked map[commerce.ProductID]bool // products whose row this transaction holds
}

// lock takes the row lock of a product once per transaction.
func (t *shopTx) lock(ctx context.Context, op string, p commerce.ProductID) error {
	if t.locked[p] {
		return nil
	}
	if err := lockProduct(ctx, t.tx, op, p); err != nil {
		return err
	}
	t.locked[p] = true
	return nil
}

// Levels locks the product's row, then reads and locks its stock rows in
// active warehouses, by warehouse id.
func (t *shopTx) Levels(ctx context.Context, p commerce.ProductID,
	v commerce.VariantID) ([]inventory.Level, error) {
	const op = "checkout levels"
	if err := t.lock(ctx, op, p); err != nil {
		return nil, err
	}
	var rows []levelRow
	err := t.tx.SelectContext(ctx, &rows, "SELECT "+levelCols+` FROM inventory
		WHERE product_id = ? AND variant_key = ? ORDER BY warehouse_id`+t.db.dialect.ForUpdate(),
		p, v)
	if err != nil || len(rows) == 0 {
		return nil, wrap(op, err)
	}
	// The warehouses are read apart, without a lock: a locking read of a
	// join would lock the warehouse rows too, for every checkout at once.
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.WarehouseID
	}
	var active []int64
	err = selectIn(ctx, t.tx, &active, "SELECT id FROM warehouses WHERE active AND id IN ", ids)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	var ls []inventory.Level
	for _, r := range rows {
		if slices.Contains(active, r.WarehouseID) {
			ls = append(ls, r.level())
		}
	}
	return ls, nil
}

// Reserve adds to the reserved units of one level where enough is
// available, in one conditional UPDATE.
func (t *shopTx) Reserve(ctx context.Context, a order.Allocation) (inventory.Level, bool,
	error) {
	const op = "reserve stock"
	if a.Quantity <= 0 {
		return inventory.Level{}, false, nil
	}
	if err := t.lock(ctx, op, a.ProductID); commerce.ErrorKind(err) == commerce.KindInvalid {
		return inventory.Level{}, false, nil // no such product: no such level
	} else if err != nil {
		return inventory.Level{}, false, err
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE inventory
		SET reserved_quantity = reserved_quantity + ?, updated_at = ?
		WHERE product_id = ? AND variant_key = ? AND warehouse_id = ?
		AND quantity - reserved_quantity >= ?`, a.Quantity, t.db.now(), a.ProductID,
		a.VariantID, a.WarehouseID, a.Quantity)
	if err != nil {
		return inventory.Level{}, false, fmt.Errorf("%s: %w", op, err)
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return inventory.Level{}, false, wrap(op, err)
	}
	l, err := levelOf(ctx, t.tx, a.ProductID, a.VariantID, a.WarehouseID)
	if err != nil {
		return inventory.Level{}, false, fmt.Errorf("%s: %w", op, err)
	}
	return l, true, nil
}

// CreateOrder stores the order with its lines, allocations and timeline.
func (t *shopTx) CreateOrder(ctx context.Context, o *order.Order) error {
	return t.db.createOrder(ctx, t.tx, o)
}

// Enqueue writes events to the outbox.
func (t *shopTx) Enqueue(ctx context.Context, events ...commerce.Event) error {
	return t.db.enqueue(ctx, t.tx, events)
}

// wrap wraps err with op, and returns nil for nil.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
