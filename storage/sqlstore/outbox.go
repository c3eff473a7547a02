package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/ecommerce-moderno/moderno/checkout"
	"github.com/ecommerce-moderno/moderno/commerce"
)

// enqueue writes events to the outbox, in order, with their data as JSON.
// An event without a time gets the store's now.
func (db *DB) enqueue(ctx context.Context, x sqlx.ExecerContext, events []commerce.Event) error {
	rows := make([][]any, len(events))
	for i, e := range events {
		data, err := json.Marshal(e.Data)
		if err != nil {
			return fmt.Errorf("outbox: encode %s: %w", e.Name, err)
		}
		at := utc(e.At)
		if e.At.IsZero() {
			at = db.now()
		}
		rows[i] = []any{e.Name, e.Key, string(data), at}
	}
	// The rows of one INSERT take ascending ids in the order given.
	err := insertRows(ctx, x, "outbox", []string{"name", "event_key", "data", "occurred_at"},
		rows, "")
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

type outboxRow struct {
	ID   int64     `db:"id"`
	Name string    `db:"name"`
	Key  string    `db:"event_key"`
	Data []byte    `db:"data"`
	At   time.Time `db:"occurred_at"`
}

var _ checkout.Outbox = (*DB)(nil)

// Pending returns up to limit events not yet published, by id.
func (db *DB) Pending(ctx context.Context, limit int) ([]checkout.OutboxEvent, error) {
	var rows []outboxRow
	err := db.read.SelectContext(ctx, &rows, `SELECT id, name, event_key, data, occurred_at
		FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("outbox pending: %w", err)
	}
	out := make([]checkout.OutboxEvent, len(rows))
	for i, r := range rows {
		out[i] = checkout.OutboxEvent{ID: r.ID, Event: commerce.Event{Name: r.Name, Key: r.Key,
			At: r.At, Data: json.RawMessage(r.Data)}}
	}
	return out, nil
}

// MarkPublished marks events published; marking one twice is no error.
func (db *DB) MarkPublished(ctx context.Context, ids ...int64) error {
	now := db.now()
	for start := 0; start < len(ids); start += maxParams {
		list, args := inList(ids[start:min(start+maxParams, len(ids))])
		_, err := db.write.ExecContext(ctx, "UPDATE outbox SET published_at = ? "+
			"WHERE published_at IS NULL AND id IN "+list, append([]any{now}, args...)...)
		if err != nil {
			return fmt.Errorf("outbox mark published: %w", err)
		}
	}
	return nil
}

// DeletePublished deletes the events published before the time.
func (db *DB) DeletePublished(ctx context.Context, before time.Time) (int, error) {
	res, err := db.write.ExecContext(ctx,
		"DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?", utc(before))
	if err != nil {
		return 0, fmt.Errorf("outbox delete published: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("outbox delete published: %w", err)
	}
	return int(n), nil
}
