package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

var _ checkout.PaymentStore = (*DB)(nil)

// ClaimEvent inserts the event claimed; when the key exists, it takes over
// only a claim never completed and older than stale, with an UPDATE
// conditional on that, so of two racing deliveries only one wins.
func (db *DB) ClaimEvent(ctx context.Context, gateway, eventID string, now time.Time,
	stale time.Duration) (bool, error) {
	const op = "claim payment event"
	now = now.UTC()
	_, err := db.write.ExecContext(ctx, `INSERT INTO payment_events (gateway, event_id, state,
		claimed_at) VALUES (?, ?, 'claimed', ?)`, gateway, eventID, now)
	if err == nil {
		return true, nil
	}
	if v, _ := db.dialect.Classify(err); v != Unique {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	res, err := db.write.ExecContext(ctx, `UPDATE payment_events SET claimed_at = ?
		WHERE gateway = ? AND event_id = ? AND state = 'claimed' AND claimed_at <= ?`,
		now, gateway, eventID, now.Add(-stale))
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("%s: %w", op, err)
	}
	return n == 1, nil
}

// CompleteEvent marks the event applied.
func (db *DB) CompleteEvent(ctx context.Context, gateway, eventID string,
	id commerce.OrderID) error {
	var order any
	if id != 0 {
		order = int64(id)
	}
	_, err := db.write.ExecContext(ctx, `UPDATE payment_events SET state = 'applied',
		order_id = ?, applied_at = ? WHERE gateway = ? AND event_id = ?`, order, db.now(),
		gateway, eventID)
	if err != nil {
		return fmt.Errorf("complete payment event: %w", err)
	}
	return nil
}

// ReleaseEvent deletes a claim not yet applied.
func (db *DB) ReleaseEvent(ctx context.Context, gateway, eventID string) error {
	_, err := db.write.ExecContext(ctx, `DELETE FROM payment_events
		WHERE gateway = ? AND event_id = ? AND state = 'claimed'`, gateway, eventID)
	if err != nil {
		return fmt.Errorf("release payment event: %w", err)
	}
	return nil
}

type refundRow struct {
	OrderID   int64           `db:"order_id"`
	Seq       int             `db:"seq"`
	Amount    decimal.Decimal `db:"amount"`
	Currency  string          `db:"currency"`
	Reference string          `db:"reference"`
	ActorID   int64           `db:"actor_id"`
	At        time.Time       `db:"created_at"`
}

// Refunds returns the order's refunds by number.
func (db *DB) Refunds(ctx context.Context, id commerce.OrderID) ([]checkout.RefundRecord,
	error) {
	var rows []refundRow
	err := db.read.SelectContext(ctx, &rows, `SELECT order_id, seq, amount, currency,
		reference, actor_id, created_at FROM payment_refunds WHERE order_id = ? ORDER BY seq`,
		int64(id))
	if err != nil {
		return nil, fmt.Errorf("refunds: %w", err)
	}
	out := make([]checkout.RefundRecord, len(rows))
	for i, r := range rows {
		out[i] = checkout.RefundRecord{OrderID: commerce.OrderID(r.OrderID), Seq: r.Seq,
			Amount:    commerce.NewMoney(r.Amount, commerce.Currency(r.Currency)),
			Reference: r.Reference, ActorID: commerce.UserID(r.ActorID), At: r.At.UTC()}
	}
	return out, nil
}

// AddRefund inserts a refund; a number taken is KindConflict.
func (db *DB) AddRefund(ctx context.Context, r checkout.RefundRecord) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO payment_refunds (order_id, seq, amount,
		currency, reference, actor_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		int64(r.OrderID), r.Seq, r.Amount.Amount(), string(r.Amount.Currency()), r.Reference,
		int64(r.ActorID), r.At.UTC())
	if v, _ := db.dialect.Classify(err); err != nil && v == Unique {
		return commerce.Wrap(commerce.KindConflict, "add refund", err,
			"ese reembolso ya se registró")
	}
	if err != nil {
		return fmt.Errorf("add refund: %w", err)
	}
	return nil
}
