package sqlstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/commerce"
	"github.com/ecommerce-moderno/moderno/inventory"
	"github.com/ecommerce-moderno/moderno/order"
)

var _ order.Store = (*DB)(nil)

// Orders returns one page of the orders matching q, without their lines,
// allocations or timeline, newest first, and how many match.
func (db *DB) Orders(ctx context.Context, q order.Query) ([]order.Order, int, error) {
	const op = "orders"
	var where []string
	var args []any
	add := func(cond string, vs ...any) {
		where = append(where, cond)
		args = append(args, vs...)
	}
	if q.CustomerID != 0 {
		add("customer_id = ?", q.CustomerID)
	}
	if len(q.Statuses) > 0 {
		list, vs := inList(q.Statuses)
		add("status IN "+list, vs...)
	}
	if len(q.PaymentStatuses) > 0 {
		list, vs := inList(q.PaymentStatuses)
		add("payment_status IN "+list, vs...)
	}
	if !q.From.IsZero() {
		add("created_at >= ?", utc(q.From))
	}
	if !q.To.IsZero() {
		add("created_at < ?", utc(q.To))
	}
	if q.TotalMin != nil {
		add("total >= CAST(? AS DECIMAL(14,2))", q.TotalMin.String())
	}
	if q.TotalMax != nil {
		add("total <= CAST(? AS DECIMAL(14,2))", q.TotalMax.String())
	}
	if q.Number != "" {
		add("number = ?", q.Number)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := db.read.GetContext(ctx, &total, "SELECT COUNT(*) FROM orders"+cond,
		args...); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	if total == 0 || q.Offset >= total || q.Limit <= 0 {
		return nil, total, nil
	}
	var rows []orderRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+orderCols+" FROM orders"+cond+
		" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
		append(args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", op, err)
	}
	out := make([]order.Order, len(rows))
	for i, r := range rows {
		if out[i], err = r.order(); err != nil {
			return nil, 0, fmt.Errorf("%s: %w", op, err)
		}
	}
	return out, total, nil
}

// Apply applies a transition in one transaction: a compare-and-set of the
// statuses on the order's row, whose lock then orders every other change
// of the order, then the stock effect (product rows locked in id order,
// then their stock rows, as checkout does), the timeline and the outbox.
func (db *DB) Apply(ctx context.Context, t order.Transition) error {
	const op = "apply order transition"
	at := utc(t.At)
	if t.At.IsZero() {
		at = db.now()
	}
	set := "status = ?, payment_status = ?, updated_at = ?"
	args := []any{string(t.NewStatus), string(t.NewPaymentStatus), at}
	if t.PaymentReference != "" {
		set += ", payment_reference = ?"
		args = append(args, t.PaymentReference)
	}
	if col := stampColumn(t); col != "" {
		set += ", " + col + " = ?"
		args = append(args, at)
	}
	args = append(args, t.OrderID, string(t.Status), string(t.PaymentStatus))
	return db.inTx(ctx, func(tx *sqlx.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE orders SET "+set+
			" WHERE id = ? AND status = ? AND payment_status = ?", args...)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
			return db.transitionMiss(ctx, tx, op, t.OrderID)
		}
		if err := db.applyStock(ctx, tx, op, t.OrderID, t.Stock, at); err != nil {
			return err
		}
		ids, err := insertEntries(ctx, tx, int64(t.OrderID), t.Entries)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		for i := range t.Entries {
			t.Entries[i].ID = ids[i]
		}
		return db.enqueue(ctx, tx, t.Events)
	})
}

// stampColumn names the time column a transition sets: shipped_at,
// delivered_at or cancelled_at when the order enters that status.
func stampColumn(t order.Transition) string {
	if t.NewStatus == t.Status {
		return ""
	}
	return map[order.Status]string{order.StatusShipped: "shipped_at",
		order.StatusDelivered: "delivered_at", order.StatusCancelled: "cancelled_at"}[t.NewStatus]
}

// transitionMiss tells a missing order from one that changed meanwhile.
func (db *DB) transitionMiss(ctx context.Context, tx *sqlx.Tx, op string,
	id commerce.OrderID) error {
	var one int
	err := tx.GetContext(ctx, &one, "SELECT 1 FROM orders WHERE id = ?", id)
	if err != nil {
		return readError(op, "pedido", err)
	}
	return commerce.Errorf(commerce.KindConflict, op, "el pedido cambió mientras se modificaba")
}

// applyStock releases or deducts the allocations of an order still
// reserved. The caller holds the order's row lock, so nobody else changes
// them meanwhile.
func (db *DB) applyStock(ctx context.Context, tx *sqlx.Tx, op string, id commerce.OrderID,
	effect order.StockEffect, at time.Time) error {
	if effect == order.StockKeep {
		return nil
	}
	allocs, err := readAllocations(ctx, tx, id, order.Reserved)
	if err != nil || len(allocs) == 0 {
		return wrap(op, err)
	}
	slices.SortFunc(allocs, func(a, b order.Allocation) int {
		return cmp.Or(cmp.Compare(a.ProductID, b.ProductID), cmp.Compare(a.VariantID, b.VariantID),
			cmp.Compare(a.WarehouseID, b.WarehouseID))
	})
	for i, a := range allocs {
		if i == 0 || a.ProductID != allocs[i-1].ProductID {
			if err := lockProduct(ctx, tx, op, a.ProductID); err != nil {
				return inconsistent(op, a, err)
			}
		}
	}
	state, deduct := order.Released, 0
	if effect == order.StockDeduct {
		state, deduct = order.Deducted, 1
	}
	var number string
	if deduct == 1 {
		if err := tx.GetContext(ctx, &number, "SELECT number FROM orders WHERE id = ?",
			id); err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
	}
	for _, a := range allocs {
		res, err := tx.ExecContext(ctx, `UPDATE inventory
			SET reserved_quantity = reserved_quantity - ?, quantity = quantity - ?,
			updated_at = ?
			WHERE product_id = ? AND variant_key = ? AND warehouse_id = ?
			AND reserved_quantity >= ? AND quantity >= ?`, a.Quantity, a.Quantity*deduct, at,
			a.ProductID, a.VariantID, a.WarehouseID, a.Quantity, a.Quantity)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return inconsistent(op, a, err)
		}
		if deduct == 1 {
			err := applyDeduction(ctx, tx, a, number, at)
			if err != nil {
				return fmt.Errorf("%s: %w", op, err)
			}
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE order_allocations SET state = ?
		WHERE order_id = ? AND state = ?`, string(state), id, string(order.Reserved))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// applyDeduction records the sale of reserved units as a stock adjustment.
func applyDeduction(ctx context.Context, tx *sqlx.Tx, a order.Allocation, number string,
	at time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO stock_adjustments (product_id, variant_id,
		warehouse_id, delta, reason, note, actor_id, created_at)
		VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`, a.ProductID, nullID(a.VariantID), a.WarehouseID,
		-a.Quantity, string(inventory.ReasonSale), "pedido "+number, at)
	return err
}

// inconsistent is the fault of a reservation whose stock row is gone or
// holds fewer reserved units than the order.
func inconsistent(op string, a order.Allocation, err error) error {
	return &commerce.Error{Kind: commerce.KindInternal, Op: op, Err: err,
		Message: fmt.Sprintf("reserva inconsistente del producto %d en la bodega %d",
			a.ProductID, a.WarehouseID)}
}

// Expired returns up to limit pending, unpaid orders whose reservation
// ended at or before at and that still hold reserved units, oldest
// reservation first, with their lines, allocations and timeline.
func (db *DB) Expired(ctx context.Context, at time.Time, limit int) ([]order.Order, error) {
	const op = "expired orders"
	var rows []orderRow
	err := db.read.SelectContext(ctx, &rows, "SELECT "+orderCols+` FROM orders o
		WHERE status = ? AND payment_status = ? AND reserved_until IS NOT NULL
		AND reserved_until <= ? AND EXISTS (SELECT 1 FROM order_allocations a
		WHERE a.order_id = o.id AND a.state = ?)
		ORDER BY reserved_until, id LIMIT ?`, string(order.StatusPending),
		string(order.PaymentPending), utc(at), string(order.Reserved), limit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	out := make([]order.Order, len(rows))
	for i, r := range rows {
		if out[i], err = r.order(); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		if err := readOrderChildren(ctx, db.read, &out[i]); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
	}
	return out, nil
}
