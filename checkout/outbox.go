package checkout

import (
	"context"
	"fmt"
	"time"

	"github.com/ecommerce-moderno/moderno/commerce"
)

// OutboxEvent is an event waiting in the outbox. Its Data is the
// json.RawMessage of what was enqueued.
type OutboxEvent struct {
	ID    int64
	Event commerce.Event
}

// Outbox is the reading side of the events Tx.Enqueue and order.Store.Apply
// write.
type Outbox interface {
	// Pending returns up to limit events not yet marked published, in the
	// order they were written (by id).
	Pending(ctx context.Context, limit int) ([]OutboxEvent, error)
	// MarkPublished marks events published; marking one twice is no error.
	MarkPublished(ctx context.Context, ids ...int64) error
	// DeletePublished deletes the events published before the time and
	// returns how many; events not yet published stay.
	DeletePublished(ctx context.Context, before time.Time) (int, error)
}

// Relay publishes up to limit pending events of the outbox, in order, and
// marks them published; it returns how many it published. It stops at the
// first event the publisher refuses, so that order is kept, and returns
// that error. A crash between publishing and marking publishes an event
// again: consumers are idempotent. Run it in a loop, every second or so,
// and after each commit if announcements should be immediate.
func Relay(ctx context.Context, box Outbox, pub commerce.Publisher, limit int) (int, error) {
	events, err := box.Pending(ctx, limit)
	if err != nil {
		return 0, fmt.Errorf("checkout.relay: %w", err)
	}
	var done []int64
	var failed error
	for _, e := range events {
		if err := pub.Publish(ctx, e.Event); err != nil {
			failed = fmt.Errorf("checkout.relay: publish %s: %w", e.Event.Name, err)
			break
		}
		done = append(done, e.ID)
	}
	if len(done) > 0 {
		if err := box.MarkPublished(ctx, done...); err != nil {
			return 0, fmt.Errorf("checkout.relay: %w", err)
		}
	}
	return len(done), failed
}
